import { openPersistence, type Persistence } from '@audience-bridge/adapters-persistence';
import { DEFAULT_EXPORT_BATCH_SIZE } from '@audience-bridge/domain';

import {
  BENCH_MASTER_KEY,
  openPostgresDatabase,
  openSqliteDatabase,
  type BenchDatabase,
} from './benchDatabase.js';
import { firstLine, judged, rateOf, skippedRow, type BenchRow } from './BenchRow.js';
import { median, progress, timed } from './measure.js';
import type { BenchSizes } from './sizes.js';
import { BENCH_ORG, ecidAt } from './synthetic.js';

const SHARED_AUDIENCE = '20001';

/** Targeted IDs: every ECID `0..targeted`; the existing audience holds the even ones up to `existing`. */
async function seedLedger(persistence: Persistence, existing: number): Promise<void> {
  const accepted = Array.from({ length: existing }, (_, index) => ecidAt(index * 2));
  for (let start = 0; start < accepted.length; start += DEFAULT_EXPORT_BATCH_SIZE) {
    await persistence.exportLedger.stage(
      BENCH_ORG,
      SHARED_AUDIENCE,
      'upload-seed',
      accepted.slice(start, start + DEFAULT_EXPORT_BATCH_SIZE),
    );
  }
  await persistence.exportLedger.accept(BENCH_ORG, 'upload-seed');
}

async function diff(persistence: Persistence, targeted: readonly string[]): Promise<number> {
  let fresh = 0;
  for (let start = 0; start < targeted.length; start += DEFAULT_EXPORT_BATCH_SIZE) {
    const batch = targeted.slice(start, start + DEFAULT_EXPORT_BATCH_SIZE);
    fresh += (await persistence.exportLedger.filterNew(BENCH_ORG, SHARED_AUDIENCE, batch)).length;
  }

  return fresh;
}

/** A diff projected past this many seconds is not run in full: its one-batch probe is reported, scaled. */
const DIFF_BUDGET_SECONDS = 300;

function extrapolatedRow(
  db: BenchDatabase,
  sizes: BenchSizes,
  probeSeconds: number,
  projected: number,
): BenchRow {
  return judged({
    scenario: 'export',
    variant: `diff ExportLedger.filterNew (${db.label}), extrapolated`,
    size: sizes.diffTargeted,
    seconds: projected,
    rate: rateOf(sizes.diffTargeted, projected, 'IDs/s'),
    note: `EXTRAPOLATED: one batch of ${DEFAULT_EXPORT_BATCH_SIZE.toLocaleString('en-US')} took ${probeSeconds.toFixed(2)} s against ${sizes.diffExisting.toLocaleString('en-US')} accepted IDs; the full diff would pass ${DIFF_BUDGET_SECONDS} s, so it was not run`,
    details: { probeSeconds, existing: sizes.diffExisting, extrapolated: 'true' },
  });
}

async function onDatabase(db: BenchDatabase, sizes: BenchSizes): Promise<BenchRow> {
  const persistence = await openPersistence({ url: db.url, masterKey: BENCH_MASTER_KEY });
  try {
    progress(`export diff ${db.label}: seeding ${sizes.diffExisting} accepted IDs`);
    await seedLedger(persistence, sizes.diffExisting);
    const targeted = Array.from({ length: sizes.diffTargeted }, (_, index) => ecidAt(index));
    const probe = await timed(() => diff(persistence, targeted.slice(0, DEFAULT_EXPORT_BATCH_SIZE)));
    const projected = (probe.seconds * targeted.length) / DEFAULT_EXPORT_BATCH_SIZE;
    if (projected > DIFF_BUDGET_SECONDS) return extrapolatedRow(db, sizes, probe.seconds, projected);
    const runs: { seconds: number; result: number }[] = [];
    for (let repetition = 0; repetition < sizes.repetitions; repetition += 1)
      runs.push(await timed(() => diff(persistence, targeted)));
    const seconds = median(runs.map((run) => run.seconds));

    return judged({
      scenario: 'export',
      variant: `diff ExportLedger.filterNew, batches of ${DEFAULT_EXPORT_BATCH_SIZE.toLocaleString('en-US')} (${db.label})`,
      size: sizes.diffTargeted,
      seconds,
      rate: rateOf(sizes.diffTargeted, seconds, 'IDs/s'),
      note: `against ${sizes.diffExisting.toLocaleString('en-US')} accepted IDs; ${runs[0]?.result ?? 0} new; runs ${runs.map((run) => run.seconds.toFixed(3)).join(', ')} s`,
      details: { existing: sizes.diffExisting, fresh: runs[0]?.result ?? 0 },
    });
  } finally {
    await persistence.close();
    await db.dispose();
  }
}

async function onDatabaseOrSkip(
  db: BenchDatabase | string,
  label: string,
  sizes: BenchSizes,
): Promise<BenchRow> {
  const variant = `diff ExportLedger.filterNew (${label})`;
  if (typeof db === 'string') return skippedRow('export', variant, sizes.diffTargeted, db);
  try {
    return await onDatabase(db, sizes);
  } catch (error) {
    return skippedRow('export', variant, sizes.diffTargeted, `failed: ${firstLine(error)}`);
  }
}

/** Scenario 3b: the export diff on SQLite and PostgreSQL (no target in design §6; reported for scale). */
export async function runExportDiff(sizes: BenchSizes): Promise<BenchRow[]> {
  const sqlite = await onDatabaseOrSkip(await openSqliteDatabase(), 'SQLite', sizes);

  return [sqlite, await onDatabaseOrSkip(await openPostgresDatabase(), 'PostgreSQL', sizes)];
}
