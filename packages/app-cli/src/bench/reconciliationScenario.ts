import { openPersistence, type Persistence } from '@audience-bridge/adapters-persistence';
import { DEFAULT_IMPORT_BATCH_SIZE } from '@audience-bridge/domain';

import { reconcileThroughAdapter, totalOf, type ReconciliationPhases } from './adapterReconciliation.js';
import { openBaselineOrm, type BaselineOrm } from './baselineOrm.js';
import {
  BENCH_MASTER_KEY,
  openPostgresDatabase,
  openSqliteDatabase,
  type BenchDatabase,
} from './benchDatabase.js';
import { createBareAudience } from './benchAudiences.js';
import { firstLine, judged, rateOf, skippedRow, type BenchRow } from './BenchRow.js';
import { deleteMembers, reconcileByHandSql } from './handSqlBaseline.js';
import { loadProfiles } from './loadProfiles.js';
import { median, progress, timed } from './measure.js';
import { reconcileNaively } from './naiveOrmBaseline.js';
import type { BenchSizes } from './sizes.js';
import { BENCH_ORG, hashedEmailSource, segmentIds } from './synthetic.js';
import type { Target } from './targets.js';

const SCENARIO = 'reconciliation';
const VS_HAND_SQL: Target = { comparison: 'atMost', limit: 1.25, unit: '×' };
const VS_NAIVE: Target = { comparison: 'atLeast', limit: 20, unit: '×' };

interface Measured {
  readonly adapter: { seconds: number[]; phases: ReconciliationPhases; members: number };
  readonly handSql: { seconds: number[]; members: number };
  readonly naive: { seconds: number; ids: number; members: number };
  readonly loadSeconds: number;
}

interface Context {
  readonly persistence: Persistence;
  readonly orm: BaselineOrm;
  readonly db: BenchDatabase;
  readonly raws: readonly string[];
}

async function adapterRun(
  context: Context,
  audienceId: string,
  raws: readonly string[],
): Promise<{ members: number; phases: ReconciliationPhases }> {
  await createBareAudience(context.persistence.audiences, audienceId);
  const run = await reconcileThroughAdapter(
    context.persistence.reconciliation,
    { org: BENCH_ORG, audienceId, source: hashedEmailSource },
    raws,
    DEFAULT_IMPORT_BATCH_SIZE,
  );
  await deleteMembers(context.orm, { org: BENCH_ORG, audienceId });

  return run;
}

async function handSqlRun(
  context: Context,
  audienceId: string,
  raws: readonly string[],
): Promise<{ members: number; seconds: number }> {
  const target = { org: BENCH_ORG, audienceId, generation: 1 };
  const run = await timed(() => reconcileByHandSql(context.orm, context.db.dialect, target, raws));
  await deleteMembers(context.orm, target);

  return { members: run.result, seconds: run.seconds };
}

async function naiveRun(
  context: Context,
  audienceId: string,
  raws: readonly string[],
): Promise<{ members: number; seconds: number }> {
  const target = { org: BENCH_ORG, audienceId, generation: 1 };
  const run = await timed(() => reconcileNaively(context.orm, target, raws, DEFAULT_IMPORT_BATCH_SIZE));
  await deleteMembers(context.orm, target);

  return { members: run.result, seconds: run.seconds };
}

/** Runs the three variants alternately, so that a load spike on the machine hits them alike. */
async function measure(context: Context, sizes: BenchSizes): Promise<Omit<Measured, 'loadSeconds'>> {
  const warm = context.raws.slice(0, Math.max(1000, Math.floor(context.raws.length / 10)));
  progress(`${SCENARIO} ${context.db.label}: warm-up on ${warm.length} IDs`);
  await adapterRun(context, 'warm-ab', warm);
  await handSqlRun(context, 'warm-b', warm);
  await naiveRun(context, 'warm-a', warm.slice(0, Math.min(warm.length, sizes.naiveIds / 10)));

  const adapter: { seconds: number; phases: ReconciliationPhases; members: number }[] = [];
  const handSql: { seconds: number; members: number }[] = [];
  for (let repetition = 0; repetition < sizes.repetitions; repetition += 1) {
    progress(`${SCENARIO} ${context.db.label}: repetition ${repetition + 1}/${sizes.repetitions}`);
    const run = await adapterRun(context, `ab-${repetition}`, context.raws);
    adapter.push({ seconds: totalOf(run.phases), phases: run.phases, members: run.members });
    handSql.push(await handSqlRun(context, `b-${repetition}`, context.raws));
  }
  const naiveIds = Math.min(sizes.naiveIds, context.raws.length);
  progress(`${SCENARIO} ${context.db.label}: naive ORM baseline on ${naiveIds} IDs`);
  const naive = await naiveRun(context, 'a-0', context.raws.slice(0, naiveIds));
  const middle =
    [...adapter].sort((left, right) => left.seconds - right.seconds)[Math.floor(adapter.length / 2)] ??
    adapter[0];
  if (middle === undefined) throw new RangeError('no repetition ran');

  return {
    adapter: { seconds: adapter.map((run) => run.seconds), phases: middle.phases, members: middle.members },
    handSql: { seconds: handSql.map((run) => run.seconds), members: handSql[0]?.members ?? 0 },
    naive: { seconds: naive.seconds, ids: naiveIds, members: naive.members },
  };
}

const phaseNote = (phases: ReconciliationPhases): string =>
  `phases (median run): decode ${phases.decode.toFixed(2)} s, stage ${phases.stage.toFixed(2)} s, ` +
  `complete ${phases.complete.toFixed(2)} s, close ${phases.close.toFixed(2)} s`;

function rowsOf(label: string, total: number, measured: Measured): BenchRow[] {
  const adapterSeconds = median(measured.adapter.seconds);
  const handSeconds = median(measured.handSql.seconds);
  const { naive } = measured;
  const naiveSeconds = (naive.seconds * total) / naive.ids;
  const extrapolated = naive.ids < total;
  const sameMembers = measured.adapter.members === measured.handSql.members;

  return [
    judged({
      scenario: SCENARIO,
      variant: `Audience Bridge (${label})`,
      size: total,
      seconds: adapterSeconds,
      rate: rateOf(total, adapterSeconds, 'IDs/s'),
      note: `${phaseNote(measured.adapter.phases)}; ${measured.adapter.members} members${sameMembers ? ', same as (b)' : `, (b) wrote ${measured.handSql.members}`}; profiles loaded in ${measured.loadSeconds.toFixed(1)} s (setup)`,
      details: {
        ...measured.adapter.phases,
        members: measured.adapter.members,
        runs: measured.adapter.seconds.map((s) => s.toFixed(3)).join(' '),
        profileLoadSeconds: measured.loadSeconds,
      },
    }),
    judged({
      scenario: SCENARIO,
      variant: `(b) hand-written SQL (${label})`,
      size: total,
      seconds: handSeconds,
      rate: rateOf(total, handSeconds, 'IDs/s'),
      ratio: {
        value: adapterSeconds / handSeconds,
        text: `AB/(b) = ${(adapterSeconds / handSeconds).toFixed(2)}×`,
      },
      target: VS_HAND_SQL,
      measured: adapterSeconds / handSeconds,
      details: {
        members: measured.handSql.members,
        runs: measured.handSql.seconds.map((s) => s.toFixed(3)).join(' '),
      },
    }),
    judged({
      scenario: SCENARIO,
      variant: `(a) naive ORM (${label})${extrapolated ? ', extrapolated' : ''}`,
      size: total,
      seconds: naiveSeconds,
      rate: rateOf(total, naiveSeconds, 'IDs/s'),
      ratio: {
        value: naiveSeconds / adapterSeconds,
        text: `AB ${(naiveSeconds / adapterSeconds).toFixed(1)}× faster`,
      },
      target: VS_NAIVE,
      measured: naiveSeconds / adapterSeconds,
      note: extrapolated
        ? `EXTRAPOLATED: ran ${naive.ids.toLocaleString('en-US')} IDs in ${naive.seconds.toFixed(2)} s (${naive.members} members), scaled linearly to ${total.toLocaleString('en-US')}`
        : `ran in full (${naive.members} members)`,
      details: { measuredIds: naive.ids, measuredSeconds: naive.seconds, extrapolated: String(extrapolated) },
    }),
  ];
}

async function onDatabase(db: BenchDatabase, sizes: BenchSizes): Promise<BenchRow[]> {
  const total = sizes.reconciliationIds;
  const persistence = await openPersistence({ url: db.url, masterKey: BENCH_MASTER_KEY });
  const orm = await openBaselineOrm(db.url);
  try {
    progress(`${SCENARIO} ${db.label}: loading ${total} profiles`);
    const loadSeconds = await loadProfiles(persistence.profiles, total);
    const raws = segmentIds(0, total, total);
    const measured = await measure({ persistence, orm, db, raws }, sizes);

    return rowsOf(db.label, total, { ...measured, loadSeconds });
  } finally {
    await orm.close(true);
    await persistence.close();
    await db.dispose();
  }
}

const variants: [string, Target | null][] = [
  ['Audience Bridge', null],
  ['(b) hand-written SQL', VS_HAND_SQL],
  ['(a) naive ORM', VS_NAIVE],
];

/** Runs the scenario on one database, or reports its rows as skipped with the reason it could not run. */
async function onDatabaseOrSkip(
  db: BenchDatabase | string,
  label: string,
  sizes: BenchSizes,
): Promise<BenchRow[]> {
  const skipAll = (reason: string): BenchRow[] =>
    variants.map(([variant, target]) =>
      skippedRow(SCENARIO, `${variant} (${label})`, sizes.reconciliationIds, reason, target),
    );
  if (typeof db === 'string') return skipAll(db);
  try {
    return await onDatabase(db, sizes);
  } catch (error) {
    progress(
      `${SCENARIO} ${label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );

    return skipAll(`failed: ${firstLine(error)}`);
  }
}

/** Scenario 1: the import sync's reconciliation beside baselines (a) and (b), on SQLite then PostgreSQL. */
export async function runReconciliation(sizes: BenchSizes): Promise<BenchRow[]> {
  const sqlite = await onDatabaseOrSkip(await openSqliteDatabase(), 'SQLite', sizes);

  return [...sqlite, ...(await onDatabaseOrSkip(await openPostgresDatabase(), 'PostgreSQL', sizes))];
}
