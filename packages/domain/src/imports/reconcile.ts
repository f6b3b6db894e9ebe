import type { StagedId } from '../ports/ReconciliationStore.js';
import { matchKeysOf } from '../profiles/matchKeys.js';
import type { Profile } from '../profiles/Profile.js';

/** What the reference reconciliation finds; every list is sorted and distinct. */
export interface ReconciliationResult {
  /** Profile keys the reconciled IDs point to: the audience's new members. */
  readonly members: string[];
  /** Raw IDs that matched at least one profile. */
  readonly reconciled: string[];
  readonly unreconciled: string[];
  /** Raw IDs that matched more than one profile; each is also in `reconciled`. */
  readonly ambiguous: string[];
}

const indexKey = (field: string, value: string): string => `${field}\u0000${value}`;

function indexProfiles(profiles: readonly Profile[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const profile of profiles) {
    for (const { field, value } of matchKeysOf(profile)) {
      const key = indexKey(field, value);
      const holders = index.get(key) ?? new Set<string>();
      holders.add(profile.key);
      index.set(key, holders);
    }
  }

  return index;
}

/**
 * The reference reconciliation that every fast implementation (set-based SQL) must agree with:
 * a pure function of the staged IDs and the profiles, whatever their order, duplicates or batching.
 * IDs are distinct by raw ID; should one raw ID be staged twice with different fields, the first wins.
 */
export function reconcile(staged: readonly StagedId[], profiles: readonly Profile[]): ReconciliationResult {
  const index = indexProfiles(profiles);
  const seen = new Set<string>();
  const members = new Set<string>();
  const result = { reconciled: [] as string[], unreconciled: [] as string[], ambiguous: [] as string[] };
  for (const { raw, field, value } of staged) {
    if (seen.has(raw)) continue;
    seen.add(raw);

    const holders = index.get(indexKey(field, value));
    if (holders === undefined) {
      result.unreconciled.push(raw);
      continue;
    }
    result.reconciled.push(raw);
    if (holders.size > 1) result.ambiguous.push(raw);
    for (const key of holders) members.add(key);
  }

  return {
    members: [...members].sort(),
    reconciled: result.reconciled.sort(),
    unreconciled: result.unreconciled.sort(),
    ambiguous: result.ambiguous.sort(),
  };
}
