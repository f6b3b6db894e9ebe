import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { defaultImsClient, startEmulator, type RunningEmulator } from '@audience-bridge/peoplecore-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config/loadConfig.js';
import { openAppContext, type AppContext } from '../src/composition/openAppContext.js';
import { RetryableJobError, type Job } from '../src/jobs/JobQueue.js';
import { PgBossJobQueue } from '../src/jobs/PgBossJobQueue.js';
import { silentLogger } from '@audience-bridge/domain';
import { createTestDatabase, postgresEnabled } from './support/postgres.js';

const enabled = await postgresEnabled();
const INTERVAL_MS = 3_000;
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=@audience-bridge/source', '--import', 'tsx', 'test/support/worker.ts'],
    {
      cwd: packageDir,
      env: { ...process.env, ...env, TSX_TSCONFIG_PATH: join(repoRoot, 'tsconfig.base.json') },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let output = '';

  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker started')) resolve(child);
    });
    child.once('exit', (code) => {
      reject(new Error(`worker exited with ${code}: ${output.slice(-2000)}`));
    });
  });
}

/** Starts `count` workers at once; when one fails to start, the others are stopped before failing. */
async function startWorkers(env: Record<string, string>, count: number): Promise<ChildProcess[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startWorker(env)));
  const workers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result) => result.status === 'rejected');
  if (failure === undefined) return workers;
  await Promise.all(workers.map(stopped));
  throw failure.reason;
}

const stopped = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
    child.kill('SIGTERM');
  });

describe.skipIf(!enabled)('the distributed shape on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let emulator: RunningEmulator;
  let context: AppContext;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'ab-distributed-'));
    emulator = await startEmulator({ exchangeDir: join(dir, 'exchange'), port: 0, seed: 5 });
    env = {
      AB_DATABASE_URL: database.url,
      AB_PEOPLECORE_URL: emulator.url,
      AB_IMS_CLIENT_ID: defaultImsClient.clientId,
      AB_IMS_CLIENT_SECRET: defaultImsClient.clientSecret,
      AB_ORG_ID: defaultImsClient.orgId,
      AB_EXCHANGE: join(dir, 'exchange'),
      AB_DATA_DIR: join(dir, 'data'),
      AB_MASTER_KEY: 'a-master-key-for-the-distributed-test-0123',
      AB_SYNC_INTERVAL: `${INTERVAL_MS / 1000}s`,
      AB_LOG_LEVEL: 'info',
    };
    context = await openAppContext(loadConfig({ ...env, AB_LOG_LEVEL: 'silent' }, join(dir, '.env')));
  });
  afterAll(async () => {
    await context.close();
    await emulator.close();
    await database.drop();
  });

  it('runs a scheduled re-sync once per audience per interval, however many workers run', async () => {
    const principal = { orgId: emulator.population.orgId, subject: 'setup', authMethod: 'ims' as const };
    const segment = emulator.population.segments.find((candidate) => candidate.source.kind === 'visitor')!;
    await context.useCases.dataSources.add(principal, segment.source.shared);
    await emulator.admin.deliver(segment.source.destinationId, { mode: 'full' });
    const audiences = [];
    for (const label of ['One', 'Two']) {
      const created = await context.useCases.createImport.execute(principal, {
        label,
        sharedAudienceId: String(segment.sid),
        dataSourceId: segment.source.shared.id,
        forceReconciliation: false,
      });
      if (!created.ok) throw created.error;
      audiences.push(created.value.id);
    }

    const started = Date.now();
    const workers = await startWorkers(env, 2);
    await new Promise((resolve) => setTimeout(resolve, 3 * INTERVAL_MS + 500));
    const codes = await Promise.all(workers.map(stopped));
    const slots = Math.ceil((Date.now() - started) / INTERVAL_MS) + 1;

    expect(codes).toEqual([0, 0]);
    for (const audienceId of audiences) {
      const runs = await context.ports.runs.list(
        principal.orgId,
        { offset: 0, limit: 100 },
        { kind: 'import', subjectId: audienceId },
      );
      expect(runs.total, audienceId).toBeGreaterThanOrEqual(2);
      expect(runs.total, audienceId).toBeLessThanOrEqual(slots);
      expect(runs.items.every((run) => run.startedBy === 'scheduler' && run.status === 'succeeded')).toBe(
        true,
      );
    }
  });

  it('moves a job that fails on every attempt to the dead-letter queue, which finishes its run with the reason', async () => {
    const queue = await PgBossJobQueue.open({
      url: database.url,
      logger: silentLogger,
      retryLimit: 1,
      retryDelaySeconds: 1,
      pollingIntervalSeconds: 0.5,
    });
    const principal = { orgId: 'ORG-DLQ', subject: 'tester', authMethod: 'ims' as const };
    const run = await context.ports.runs.create(principal.orgId, {
      id: 'run_dlq',
      kind: 'export',
      subjectId: 'wf_x',
      startedBy: 'tester',
      startedAt: new Date(),
    });
    let attempts = 0;
    const dead = new Promise<{ job: Job; reason: string }>((resolve) => {
      void queue.work(
        () => {
          attempts += 1;
          return Promise.reject(new RetryableJobError('PEOPLECORE.UNAVAILABLE: the service is down', run.id));
        },
        async (job, reason, lastRunId) => {
          await context.ports.runs.finish(
            principal.orgId,
            lastRunId ?? run.id,
            { error: `dead: ${reason}`, report: null },
            new Date(),
          );
          resolve({ job, reason });
        },
      );
    });
    try {
      await queue.enqueue({ kind: 'export', principal, workflowId: 'wf_x', runId: run.id });
      const { reason } = await dead;

      expect(attempts).toBe(2);
      expect(reason).toContain('PEOPLECORE.UNAVAILABLE');
      expect(await context.ports.runs.get(principal.orgId, run.id)).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('the service is down'),
      });
    } finally {
      await queue.stop();
    }
  });
});
