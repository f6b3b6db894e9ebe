import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildServer, configSchema, openAppContext, type AppContext } from '@audience-bridge/app-api';
import { SyncImportedAudience, systemClock } from '@audience-bridge/domain';

import { judged, type BenchRow } from './BenchRow.js';
import { loadProfiles } from './loadProfiles.js';
import { progress } from './measure.js';
import { runAutocannon, type LoadResult } from './runAutocannon.js';
import type { BenchSizes } from './sizes.js';
import { BENCH_ORG, benchPrincipal, hashedEmailSource } from './synthetic.js';
import { counterIds, syntheticSegmentSource } from './syntheticSegmentSource.js';
import type { Target } from './targets.js';

const TARGET: Target = { comparison: 'below', limit: 50, unit: 'ms' };
const API_KEY = 'bench-read-key-0123456789';
const ROUTE = '/v1/audiences';

/** Creates the imported audience the busy phase keeps re-syncing. */
async function prepareImport(context: AppContext, sizes: BenchSizes): Promise<SyncImportedAudience> {
  const { persistence } = context;
  await persistence.dataSources.add(BENCH_ORG, hashedEmailSource);
  const source = {
    sharedAudienceId: '20001',
    dataSourceId: hashedEmailSource.id,
    forceReconciliation: false,
    path: 'reconcile',
  } as const;
  await persistence.audiences.create(BENCH_ORG, {
    id: 'api-import',
    label: 'api import',
    type: 'shared',
    source,
    filter: null,
    createdBy: 'bench',
    createdAt: new Date(),
  });
  progress(`api: loading ${sizes.apiImportIds} profiles`);
  await loadProfiles(persistence.profiles, sizes.apiImportIds);

  return new SyncImportedAudience({
    ...persistence,
    segments: syntheticSegmentSource(sizes.apiImportIds),
    clock: systemClock,
    ids: counterIds('api'),
  });
}

function fire(url: string, sizes: BenchSizes): Promise<LoadResult> {
  return runAutocannon(`${url}${ROUTE}`, {
    seconds: sizes.apiSeconds,
    rate: sizes.apiRate,
    headers: { 'x-api-key': API_KEY },
  });
}

/** Keeps import syncs running back to back until `done` resolves; returns how many completed. */
async function syncUntil(sync: SyncImportedAudience, done: Promise<unknown>): Promise<number> {
  const state = { finished: false };
  void done.then(() => (state.finished = true));
  let completed = 0;
  while (!state.finished) {
    const run = await sync.execute(benchPrincipal, { audienceId: 'api-import' });
    if (run.ok && run.value.status === 'succeeded') completed += 1;
    // A sync on SQLite may settle without ever reaching the I/O phase; yield so that `done` can be seen.
    await new Promise((resolve) => setImmediate(resolve));
  }

  return completed;
}

function rowOf(variant: string, result: LoadResult, sizes: BenchSizes, note: string): BenchRow {
  const failed = result.errors + result.timeouts + result.non2xx;

  return judged({
    scenario: 'api',
    variant,
    size: result.requests.total,
    seconds: result.duration,
    rate: { value: result.requests.average, unit: 'req/s' },
    target: TARGET,
    measured: failed > 0 ? null : result.latency.p99,
    note: `GET ${ROUTE} at ${sizes.apiRate} req/s: ${result.requests.total === 0 ? 'NO request completed (latencies below are empty); ' : ''}p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ${failed} failed; ${note}`,
    details: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      failed,
    },
  });
}

/** Scenario 5: read latency at a fixed rate, idle and then while import syncs run in the same process. */
export async function runApi(sizes: BenchSizes): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'ab-bench-api-'));
  const config = configSchema.parse({
    AB_DATABASE_URL: `sqlite:${join(folder, 'api.db')}`,
    AB_DATA_DIR: folder,
    AB_EXCHANGE: join(folder, 'exchange'),
    AB_MASTER_KEY: 'bench master key for the api scenario, 32+ chars',
    AB_API_KEYS: `${BENCH_ORG}:${API_KEY}`,
    AB_LOG_LEVEL: 'silent',
  });
  const context = await openAppContext(config);
  const app = await buildServer(context, { rateLimitPerMinute: false });
  try {
    const sync = await prepareImport(context, sizes);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    progress(`api: ${sizes.apiSeconds} s idle`);
    const idle = await fire(url, sizes);
    progress(`api: ${sizes.apiSeconds} s while import syncs of ${sizes.apiImportIds} IDs run`);
    const load = fire(url, sizes);
    const [busy, syncs] = await Promise.all([load, syncUntil(sync, load)]);
    const busyRow = rowOf(
      'GET during import syncs (SQLite)',
      busy,
      sizes,
      `${syncs} syncs of ${sizes.apiImportIds.toLocaleString('en-US')} IDs completed during the load`,
    );
    const ratio =
      idle.latency.p99 > 0 && busy.requests.total > 0 ? busy.latency.p99 / idle.latency.p99 : null;

    return [
      rowOf('GET idle (SQLite)', idle, sizes, 'no import running'),
      ratio === null
        ? busyRow
        : { ...busyRow, ratio: { value: ratio, text: `p99 ${ratio.toFixed(1)}× idle` } },
    ];
  } finally {
    await app.close();
    await context.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
