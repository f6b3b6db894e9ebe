import { openPersistence } from '@audience-bridge/adapters-persistence';
import { SyncImportedAudience, systemClock } from '@audience-bridge/domain';

import { BENCH_MASTER_KEY } from './benchDatabase.js';
import { timed } from './measure.js';
import { peakRssMb } from './peakRss.js';
import { BENCH_ORG, benchPrincipal, hashedEmailSource } from './synthetic.js';
import { counterIds, syntheticSegmentSource } from './syntheticSegmentSource.js';

/** What the child reports on its last stdout line. */
export interface MemoryChildResult {
  readonly segmentIds: number;
  readonly seconds: number;
  readonly peakMb: number;
  readonly from: string;
  readonly status: string;
  readonly members: number;
  readonly unreconciled: number;
  readonly error: string | null;
  /** V8 heap and off-heap memory at the end, to tell JavaScript objects from native allocations. */
  readonly heapMb: number;
  readonly externalMb: number;
}

/** One import sync of a synthetic segment in its own process, so that its peak RSS is its own. */
async function main(): Promise<void> {
  const [url = '', size = '0'] = process.argv.slice(2);
  const total = Number(size);
  const persistence = await openPersistence({ url, masterKey: BENCH_MASTER_KEY, migrate: false });
  try {
    const source = { ...hashedEmailSource, id: `ds-memory-${total}` };
    await persistence.dataSources.add(BENCH_ORG, source);
    const audienceId = `memory-${total}`;
    const importSource = {
      sharedAudienceId: '20001',
      dataSourceId: source.id,
      forceReconciliation: false,
      path: 'reconcile',
    } as const;
    await persistence.audiences.create(BENCH_ORG, {
      id: audienceId,
      label: audienceId,
      type: 'shared',
      source: importSource,
      filter: null,
      createdBy: 'bench',
      createdAt: new Date(),
    });
    const sync = new SyncImportedAudience({
      ...persistence,
      segments: syntheticSegmentSource(total),
      clock: systemClock,
      ids: counterIds(`m${total}`),
    });
    const run = await timed(() => sync.execute(benchPrincipal, { audienceId }));
    if (!run.result.ok) throw run.result.error;
    const { report, status, error } = run.result.value;
    const peak = peakRssMb();
    const result: MemoryChildResult = {
      segmentIds: total,
      seconds: run.seconds,
      peakMb: peak.mb,
      from: peak.from,
      status,
      members: report?.counts.members ?? 0,
      unreconciled: report?.counts.unreconciled ?? 0,
      error,
      heapMb: process.memoryUsage().heapTotal / 1024 ** 2,
      externalMb: process.memoryUsage().external / 1024 ** 2,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await persistence.close();
  }
}

await main();
