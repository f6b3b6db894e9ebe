import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TokenOverrides } from '@audience-bridge/peoplecore-emulator';
import type { FastifyInstance } from 'fastify';

import { loadConfig } from '../../src/config/loadConfig.js';
import { openAppContext, type AppContext } from '../../src/composition/openAppContext.js';
import { buildServer, type BuildServerOptions } from '../../src/http/buildServer.js';
import { PinoLogger } from '../../src/logging/PinoLogger.js';

/** A local API key every test app accepts, for the emulator's organisation. */
export const LOCAL_KEY = 'local-key-7f3a9c1e5b2d';

/** Log lines a test app wrote, as pino wrote them. */
export class LogCapture {
  readonly lines: string[] = [];

  write(line: string): void {
    this.lines.push(line);
  }

  text(): string {
    return this.lines.join('');
  }
}

export interface TestApp {
  readonly context: AppContext;
  readonly app: FastifyInstance;
  readonly logs: LogCapture;
  readonly orgId: string;
  readonly dir: string;
  token(overrides?: TokenOverrides): Promise<string>;
  bearer(overrides?: TokenOverrides): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** A config for the embedded default in a fresh temp folder. */
export function tempConfig(
  prefix: string,
  env: Record<string, string> = {},
): { config: ReturnType<typeof loadConfig>; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const config = loadConfig(
    {
      AB_DATA_DIR: join(dir, 'data'),
      AB_DATABASE_URL: `sqlite:${join(dir, 'data/ab.db')}`,
      AB_EXCHANGE: join(dir, 'exchange'),
      AB_LOG_LEVEL: 'debug',
      ...env,
    },
    join(dir, '.env'),
  );

  return { config, dir };
}

/** The API on the embedded default (SQLite file, in-process emulator), logging into a buffer. */
export async function startTestApp(options: Omit<BuildServerOptions, 'queue'> = {}): Promise<TestApp> {
  const logs = new LogCapture();
  const { config, dir } = tempConfig('ab-api-', {
    AB_API_KEYS: `EMULATOR0000000000000000@AdobeOrg:${LOCAL_KEY}`,
  });
  const context = await openAppContext(config, {
    logger: PinoLogger.create('debug', logs),
    emulator: { seed: 5 },
  });
  const app = await buildServer(context, { rateLimitPerMinute: false, ...options });
  const emulator = context.emulator!;
  const token = (overrides?: TokenOverrides): Promise<string> => emulator.mintToken(overrides);

  return {
    context,
    app,
    logs,
    orgId: emulator.population.orgId,
    dir,
    token,
    bearer: async (overrides) => ({ authorization: `Bearer ${await token(overrides)}` }),
    close: async () => {
      await app.close();
      await context.close();
    },
  };
}

/** Polls a run until it is no longer queued or running. */
export async function settledRun(
  app: FastifyInstance,
  headers: Record<string, string>,
  runId: string,
): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const response = await app.inject({ method: 'GET', url: `/v1/runs/${runId}`, headers });
    const run = response.json<Record<string, unknown>>();
    if (run['status'] !== 'queued' && run['status'] !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${runId} did not settle`);
}
