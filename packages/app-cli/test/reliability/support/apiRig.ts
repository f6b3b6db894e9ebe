import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { buildServer, openAppContext, PinoLogger, type AppContext } from '@audience-bridge/app-api';
import type { Principal } from '@audience-bridge/domain';
import { campaignProfiles, type RunningEmulator } from '@audience-bridge/peoplecore-emulator';
import type { FastifyInstance } from 'fastify';

import {
  addPopulationDataSources,
  createImport,
  imsPrincipal,
  loadProfiles,
  scenarioConfig,
  sqliteUrl,
} from './scenario.js';

/** The local API key of the rig's organisation (a read-only, non-IMS principal). */
export const LOCAL_API_KEY = 'reliability-local-key-5d1c0b7e9a';

/** Everything pino wrote, as one string. */
export class LogSink extends Writable {
  private readonly chunks: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }

  text(): string {
    return this.chunks.join('');
  }
}

/** The API on the embedded default, logging at debug level into a sink, with objects of its org to aim at. */
export interface ApiRig {
  readonly context: AppContext;
  readonly emulator: RunningEmulator;
  readonly app: FastifyInstance;
  readonly logs: LogSink;
  readonly principal: Principal;
  readonly ids: {
    readonly dataSource: string;
    readonly audience: string;
    readonly sharedAudience: string;
    readonly workflow: string;
    readonly run: string;
  };
  close(): Promise<void>;
}

/** A workflow that exports every profile with a visitor ID to a shared audience. */
export function exportWorkflow(
  name: string,
  sharedAudienceId: string,
  dataSourceId: string,
): Record<string, unknown> {
  return {
    name,
    activities: [
      { id: 'everyone', type: 'query', filter: { field: 'visitorId', op: 'exists' } },
      {
        id: 'share',
        type: 'saveAudience',
        input: 'everyone',
        share: { target: { sharedAudienceId }, dataSourceId, outboundTransition: false },
      },
    ],
  };
}

async function seedObjects(
  context: AppContext,
  emulator: RunningEmulator,
  principal: Principal,
): Promise<ApiRig['ids']> {
  await loadProfiles(context, principal.orgId, campaignProfiles(emulator.population));
  await addPopulationDataSources(context, principal);
  const segment = emulator.population.segments.find((entry) => entry.source.kind === 'visitor');
  if (segment === undefined) throw new Error('no visitor segment');
  const dataSource = segment.source.shared.id;
  await emulator.admin.deliver(segment.source.destinationId, { mode: 'full' });
  const audience = await createImport(context, principal, segment.sid, dataSource);
  const run = await context.useCases.syncAudience.execute(principal, { audienceId: audience });
  const workflow = await context.useCases.workflows.create(
    principal,
    exportWorkflow('auth target', String(segment.sid), dataSource),
  );
  if (!run.ok) throw run.error;
  if (!workflow.ok) throw workflow.error;
  return {
    dataSource,
    audience,
    sharedAudience: String(segment.sid),
    workflow: workflow.value.id,
    run: run.value.id,
  };
}

/** Opens the app and its API; `rateLimit` false turns the per-client limit off (one loopback client). */
export async function openApiRig(options: {
  size: number;
  rateLimit: boolean;
  segments?: { name: string; source: 'visitor'; size: number }[];
}): Promise<ApiRig> {
  const dir = mkdtempSync(join(tmpdir(), 'ab-api-'));
  const logs = new LogSink();
  const config = scenarioConfig(
    { dir, databaseUrl: sqliteUrl(dir) },
    { AB_LOG_LEVEL: 'debug', AB_API_KEYS: `EMULATOR0000000000000000@AdobeOrg:${LOCAL_API_KEY}` },
  );
  const population = {
    size: options.size,
    ...(options.segments === undefined ? {} : { segments: options.segments }),
  };
  const context = await openAppContext(config, {
    logger: PinoLogger.create('debug', logs),
    emulator: { seed: 29, population },
  });
  const emulator = context.emulator;
  if (emulator === null) throw new Error('the API rig needs the embedded emulator');
  const principal = imsPrincipal(context);
  const ids = await seedObjects(context, emulator, principal);
  const app = await buildServer(context, options.rateLimit ? {} : { rateLimitPerMinute: false });
  return {
    context,
    emulator,
    app,
    logs,
    principal,
    ids,
    close: async () => {
      await app.close();
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
