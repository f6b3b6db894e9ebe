import type { OrgId } from '../auth/Principal.js';
import type { MatchField } from '../profiles/matchKeys.js';
import type { Profile } from '../profiles/Profile.js';
import type { Filter } from '../targeting/Filter.js';

/** Stores profiles, finds them by any match key, and streams them by filter. */
export interface ProfileRepository {
  /** Inserts or replaces profiles by profile key, in one set-based write per call. */
  upsertMany(
    org: OrgId,
    profiles: readonly Profile[],
  ): Promise<{ readonly inserted: number; readonly updated: number }>;

  findByKeys(org: OrgId, keys: readonly string[]): Promise<Profile[]>;

  /** Profiles that hold any of the values in the given match field. */
  findByMatch(org: OrgId, field: MatchField, values: readonly string[]): Promise<Profile[]>;

  /** Profiles matching the filter (all when `null`), in profile-key order, in batches of at most `batchSize`. */
  stream(org: OrgId, filter: Filter | null, batchSize: number): AsyncIterable<Profile[]>;

  count(org: OrgId, filter: Filter | null): Promise<number>;
}
