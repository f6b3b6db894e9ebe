import type { SharedDataSource } from '../datasources/SharedDataSource.js';
import type { Profile } from '../profiles/Profile.js';
import { exportIdsOf } from './exportIdOf.js';

/** What an export sends, skips and ignores; every targeted profile lands in exactly one list. */
export interface ExportPlan {
  readonly exported: { readonly profileKey: string; readonly userId: string }[];
  /** Profile keys without an ID for the data source. */
  readonly ignored: string[];
  /** Profile keys whose ID the shared audience already holds, or that an earlier profile of this batch sends. */
  readonly alreadyPresent: string[];
}

/**
 * The reference export rule: a profile is sent only when it has an ID for the data source and
 * that ID is neither accepted already nor sent earlier in the same batch. Exports only append,
 * and the exported profiles are exactly the outbound population.
 */
export function planExport(
  targeted: readonly Profile[],
  accepted: Iterable<string>,
  source: SharedDataSource,
): ExportPlan {
  const present = new Set(accepted);
  const plan: ExportPlan = { exported: [], ignored: [], alreadyPresent: [] };
  const userIds = exportIdsOf(targeted, source);
  targeted.forEach((profile, index) => {
    const userId = userIds[index] ?? null;
    if (userId === null) plan.ignored.push(profile.key);
    else if (present.has(userId)) plan.alreadyPresent.push(profile.key);
    else {
      present.add(userId);
      plan.exported.push({ profileKey: profile.key, userId });
    }
  });

  return plan;
}
