import {
  decodeSegmentIds,
  type OrgId,
  type ReconciliationStore,
  type SharedDataSource,
} from '@audience-bridge/domain';

import { timed, timedSync } from './measure.js';

/** Where an Audience Bridge reconciliation spent its time, in seconds. */
export interface ReconciliationPhases {
  decode: number;
  stage: number;
  complete: number;
  close: number;
}

/** The phases' sum: the whole reconciliation as the import sync runs it. */
export const totalOf = (phases: ReconciliationPhases): number =>
  phases.decode + phases.stage + phases.complete + phases.close;

/**
 * The import sync's reconciliation, phase by phase: decode each batch with `decodeSegmentIds`,
 * stage it into the store's session, then `complete` (one join, new member generation) and `close`.
 */
export async function reconcileThroughAdapter(
  store: ReconciliationStore,
  target: { readonly org: OrgId; readonly audienceId: string; readonly source: SharedDataSource },
  raws: readonly string[],
  batchSize: number,
): Promise<{ members: number; phases: ReconciliationPhases }> {
  const phases: ReconciliationPhases = { decode: 0, stage: 0, complete: 0, close: 0 };
  const session = await store.begin(target.org, target.audienceId);
  for (let start = 0; start < raws.length; start += batchSize) {
    const decoded = timedSync(() => decodeSegmentIds(raws.slice(start, start + batchSize), target.source));
    phases.decode += decoded.seconds;
    phases.stage += (await timed(() => session.stage(decoded.result.staged))).seconds;
  }
  const completed = await timed(() => session.complete());
  phases.complete = completed.seconds;
  phases.close = (await timed(() => session.close())).seconds;

  return { members: completed.result.members, phases };
}
