import type { Audience } from '../audiences/Audience.js';
import type { OrgId } from '../auth/Principal.js';
import type { SharedDataSource } from '../datasources/SharedDataSource.js';
import { decodeSegmentIds } from '../imports/decodeSegmentIds.js';
import type { SegmentSnapshot } from '../ports/PeopleCore.js';
import type { ReconciliationStore } from '../ports/ReconciliationStore.js';
import type { Progress } from '../ports/Runtime.js';
import type { NormalisationOptions } from '../profiles/normalise.js';
import type { RunCounts, RunRecord } from '../runs/Run.js';
import type { RunRecorder } from './RunRecorder.js';

/** Everything one reconciliation import needs. */
export interface ReconciliationImport {
  readonly org: OrgId;
  readonly audience: Audience;
  readonly dataSource: SharedDataSource;
  readonly snapshot: SegmentSnapshot;
  readonly batchSize: number;
  readonly normalisation: NormalisationOptions;
  readonly store: ReconciliationStore;
  readonly recorder: RunRecorder;
  readonly progress: Progress;
}

export const UNRECONCILED_REASON = 'no matching profile';
export const AMBIGUOUS_REASON = 'matches more than one profile';

/**
 * Streams a snapshot into a reconciliation session and records what was not imported. Counts:
 * `input` = distinct raw IDs = `imported` (reconciled) + `unreconciled` + `rejected`; ambiguous
 * IDs are among the reconciled ones. The session is closed whatever happens, and only `complete`
 * switches the audience, so a failure before it leaves the previous members in place.
 */
export async function importByReconciliation(job: ReconciliationImport): Promise<Partial<RunCounts>> {
  const session = await job.store.begin(job.org, job.audience.id);
  try {
    const rejected = await stageSnapshot(job, (staged) => session.stage(staged));
    const outcome = await session.complete();
    for await (const raws of session.unmatched(job.batchSize)) {
      await job.recorder.add(raws.map((raw) => record('unreconciled', raw, UNRECONCILED_REASON)));
    }
    for await (const raws of session.ambiguous(job.batchSize)) {
      await job.recorder.add(raws.map((raw) => record('ambiguous', raw, AMBIGUOUS_REASON)));
    }

    return {
      input: outcome.staged + rejected,
      imported: outcome.reconciled,
      unreconciled: outcome.unreconciled,
      ambiguous: outcome.ambiguous,
      rejected,
      members: outcome.members,
    };
  } finally {
    await session.close();
  }
}

/** Decodes and stages every batch; returns the number of distinct raw IDs rejected. */
async function stageSnapshot(
  job: ReconciliationImport,
  stage: (staged: ReturnType<typeof decodeSegmentIds>['staged']) => Promise<void>,
): Promise<number> {
  // Only rejected raw IDs are remembered (to count each once): they are few unless the source is
  // misconfigured, and distinct staged IDs are counted by the store, not here.
  const rejectedRaws = new Set<string>();
  job.progress.start(`import ${job.audience.label}`, null);
  for await (const batch of job.snapshot.batches(job.batchSize)) {
    const decoded = decodeSegmentIds(batch, job.dataSource, job.normalisation);
    await stage(decoded.staged);
    const fresh = decoded.rejected.filter((rejected) => !rejectedRaws.has(rejected.value));
    const distinct = [...new Map(fresh.map((rejected) => [rejected.value, rejected])).values()];
    for (const rejected of distinct) rejectedRaws.add(rejected.value);
    await job.recorder.add(distinct);
    job.progress.advance(batch.length);
  }
  job.progress.finish();

  return rejectedRaws.size;
}

const record = (category: RunRecord['category'], value: string, reason: string): RunRecord => ({
  category,
  value,
  reason,
});
