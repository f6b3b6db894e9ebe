import type { Profile, SharedDataSource, StagedId } from '../../src/index.js';
import { decodeSegmentIds, matchKeysOf } from '../../src/index.js';

/** Decodes every batch on its own, as an import does, and gathers what it staged and rejected. */
export function decodeInBatches(batches: readonly (readonly string[])[], source: SharedDataSource) {
  const staged: StagedId[] = [];
  const rejected: string[] = [];
  for (const batch of batches) {
    const decoded = decodeSegmentIds(batch, source);
    staged.push(...decoded.staged);
    rejected.push(...decoded.rejected.map((record) => record.value));
  }

  return { staged, rejected };
}

/** The profiles holding a key equal to the staged ID, found by brute force (no index). */
export function holdersOf(id: StagedId, profiles: readonly Profile[]): string[] {
  return profiles
    .filter((profile) => matchKeysOf(profile).some((key) => key.field === id.field && key.value === id.value))
    .map((profile) => profile.key);
}

export const distinct = <T>(items: Iterable<T>): Set<T> => new Set(items);
