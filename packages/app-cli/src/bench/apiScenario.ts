import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { configSchema, serve, type Config, type RunningService } from '@audience-bridge/app-api';
import type { Principal } from '@audience-bridge/domain';
import {
  campaignProfiles,
  defaultImsClient,
  type PopulationOptions,
  type RunningEmulator,
} from '@audience-bridge/peoplecore-emulator';

import { judged, type BenchRow } from './BenchRow.js';
import { progress } from './measure.js';
import { runAutocannon, type LoadResult } from './runAutocannon.js';
import type { BenchSizes } from './sizes.js';
import type { Target } from './targets.js';

const TARGET: Target = { comparison: 'below', limit: 50, unit: 'ms' };
const API_KEY = 'bench-read-key-0123456789';
const ROUTE = '/v1/audiences';
const SEGMENT = 'Bench visitors';

/** A population whose one visitor segment holds `ids` IDs, 90 % of them people of the campaign base. */
function populationFor(ids: number): PopulationOptions {
  return { size: Math.ceil(ids * 1.25), segments: [{ name: SEGMENT, source: 'visitor', size: ids }] };
}

/** The embedded default in a fresh folder, with a local API key for the reads. */
function benchConfig(folder: string): Config {
  return configSchema.parse({
    AB_DATABASE_URL: `sqlite:${join(folder, 'api.db')}`,
    AB_DATA_DIR: folder,
    AB_EXCHANGE: join(folder, 'exchange'),
    AB_MASTER_KEY: 'bench master key for the api scenario, 32+ chars',
    AB_API_KEYS: `${defaultImsClient.orgId}:${API_KEY}`,
    AB_LOG_LEVEL: 'silent',
  });
}

/** Loads the campaign base, registers the segment's data source, delivers it and creates its import. */
async function prepareImport(service: RunningService, emulator: RunningEmulator): Promise<string> {
  const { context } = service;
  const principal: Principal = { orgId: emulator.population.orgId, subject: 'bench', authMethod: 'ims' };
  const profiles = campaignProfiles(emulator.population);
  progress(`api: loading ${profiles.length} profiles`);
  for (let start = 0; start < profiles.length; start += 5_000)
    await context.ports.profiles.upsertMany(principal.orgId, profiles.slice(start, start + 5_000));
  const segment = emulator.population.segments.find((candidate) => candidate.name === SEGMENT);
  if (segment === undefined) throw new Error(`the bench population has no segment "${SEGMENT}"`);
  const added = await context.useCases.dataSources.add(principal, segment.source.shared);
  if (!added.ok) throw added.error;
  await emulator.admin.deliver(segment.source.destinationId, { mode: 'full' });
  const created = await context.useCases.createImport.execute(principal, {
    label: 'api import',
    sharedAudienceId: String(segment.sid),
    dataSourceId: segment.source.shared.id,
    forceReconciliation: false,
  });
  if (!created.ok) throw created.error;

  return created.value.id;
}

function fire(url: string, sizes: BenchSizes): Promise<LoadResult> {
  return runAutocannon(`${url}${ROUTE}`, {
    seconds: sizes.apiSeconds,
    rate: sizes.apiRate,
    headers: { 'x-api-key': API_KEY },
  });
}

/** Asks the service for syncs through its API, one after the other, until `done` resolves; returns how many succeeded. */
async function syncUntil(
  service: RunningService,
  audienceId: string,
  done: Promise<unknown>,
): Promise<number> {
  const emulator = service.context.emulator;
  if (emulator === null) throw new Error('the api scenario needs the embedded emulator');
  const headers = { authorization: `Bearer ${await emulator.mintToken()}` };
  const state = { finished: false };
  void done.then(() => (state.finished = true));
  let succeeded = 0;
  while (!state.finished) {
    const queued = await fetch(`${service.url}/v1/audiences/${audienceId}/sync`, { method: 'POST', headers });
    const { id } = (await queued.json()) as { id: string };
    let status = 'queued';
    while (status === 'queued' || status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const run = await fetch(`${service.url}/v1/runs/${id}`, { headers });
      ({ status } = (await run.json()) as { status: string });
    }
    if (status === 'succeeded') succeeded += 1;
  }

  return succeeded;
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

/** Reads under load while the service re-syncs the import through its own job runner. */
async function busyRow(
  service: RunningService,
  audienceId: string,
  sizes: BenchSizes,
  variant: string,
  idle: LoadResult,
): Promise<BenchRow> {
  const load = fire(service.url, sizes);
  const [busy, syncs] = await Promise.all([load, syncUntil(service, audienceId, load)]);
  const row = rowOf(
    variant,
    busy,
    sizes,
    `${syncs} syncs of ${sizes.apiImportIds.toLocaleString('en-US')} IDs succeeded during the load`,
  );
  if (idle.latency.p99 <= 0 || busy.requests.total === 0) return row;
  const ratio = busy.latency.p99 / idle.latency.p99;

  return { ...row, ratio: { value: ratio, text: `p99 ${ratio.toFixed(1)}× idle` } };
}

/**
 * Scenario 5: read latency at a fixed rate against `audience-bridge serve` on the embedded default,
 * idle, then while syncs requested through the API run — on the service's job thread (the default),
 * and, for comparison, with jobs on the thread that serves HTTP.
 */
export async function runApi(sizes: BenchSizes): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'ab-bench-api-'));
  const config = benchConfig(folder);
  const emulatorOptions = { seed: 17, population: populationFor(sizes.apiImportIds) };
  const options = {
    port: 0,
    handleSignals: false,
    rateLimitPerMinute: false,
    emulator: emulatorOptions,
  } as const;
  const rows: BenchRow[] = [];
  try {
    let service = await serve(config, { ...options, jobThread: false });
    let audienceId: string;
    let idle: LoadResult;
    try {
      const emulator = service.context.emulator;
      if (emulator === null) throw new Error('the api scenario needs the embedded emulator');
      audienceId = await prepareImport(service, emulator);
      progress(`api: ${sizes.apiSeconds} s idle`);
      idle = await fire(service.url, sizes);
      rows.push(rowOf('GET idle (SQLite)', idle, sizes, 'no import running'));
      progress(`api: ${sizes.apiSeconds} s while syncs of ${sizes.apiImportIds} IDs run on the HTTP thread`);
      rows.push(await busyRow(service, audienceId, sizes, 'GET during syncs, jobs on the HTTP thread', idle));
    } finally {
      await service.close();
    }
    service = await serve(config, { ...options, jobThread: true });
    try {
      progress(`api: ${sizes.apiSeconds} s while syncs of ${sizes.apiImportIds} IDs run on the job thread`);
      rows.push(
        await busyRow(service, audienceId, sizes, 'GET during syncs, jobs on the job thread (serve)', idle),
      );
    } finally {
      await service.close();
    }

    return rows;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
