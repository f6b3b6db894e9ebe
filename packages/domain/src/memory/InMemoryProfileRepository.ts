import type { OrgId } from '../auth/Principal.js';
import type { ProfileRepository } from '../ports/ProfileRepository.js';
import { matchKeysOf, type MatchField } from '../profiles/matchKeys.js';
import type { Profile } from '../profiles/Profile.js';
import { evaluateFilter } from '../targeting/evaluateFilter.js';
import type { Filter } from '../targeting/Filter.js';
import { OrgScoped } from './OrgScoped.js';
import { batchesOf, byCodeUnit } from './paging.js';

/** The reference profile store: a map per organisation, filtered by the reference evaluator. */
export class InMemoryProfileRepository implements ProfileRepository {
  private readonly profiles = new OrgScoped<Profile>();

  upsertMany(
    org: OrgId,
    profiles: readonly Profile[],
  ): Promise<{ readonly inserted: number; readonly updated: number }> {
    const stored = this.profiles.of(org);
    const existedBefore = new Set(
      [...new Set(profiles.map((profile) => profile.key))].filter((key) => stored.has(key)),
    );
    for (const profile of profiles) stored.set(profile.key, profile);

    const distinct = new Set(profiles.map((profile) => profile.key)).size;

    return Promise.resolve({ inserted: distinct - existedBefore.size, updated: existedBefore.size });
  }

  findByKeys(org: OrgId, keys: readonly string[]): Promise<Profile[]> {
    const stored = this.profiles.of(org);
    const found = [...new Set(keys)].flatMap((key) => stored.get(key) ?? []);

    return Promise.resolve(found.sort((a, b) => byCodeUnit(a.key, b.key)));
  }

  findByMatch(org: OrgId, field: MatchField, values: readonly string[]): Promise<Profile[]> {
    const wanted = new Set(values);
    const found = this.all(org).filter((profile) =>
      matchKeysOf(profile).some((key) => key.field === field && wanted.has(key.value)),
    );

    return Promise.resolve(found);
  }

  async *stream(org: OrgId, filter: Filter | null, batchSize: number): AsyncIterable<Profile[]> {
    const selected = this.all(org).filter((profile) => filter === null || evaluateFilter(filter, profile));
    for (const batch of batchesOf(selected, batchSize)) {
      await Promise.resolve();
      yield batch;
    }
  }

  count(org: OrgId, filter: Filter | null): Promise<number> {
    return Promise.resolve(
      this.all(org).filter((profile) => filter === null || evaluateFilter(filter, profile)).length,
    );
  }

  /** Every profile of the organisation in profile-key order; the other reference adapters read through it. */
  all(org: OrgId): Profile[] {
    return [...this.profiles.of(org).values()].sort((a, b) => byCodeUnit(a.key, b.key));
  }
}
