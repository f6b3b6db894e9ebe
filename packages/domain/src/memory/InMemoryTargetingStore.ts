import type { OrgId } from '../auth/Principal.js';
import type { ReconciliationKey } from '../datasources/SharedDataSource.js';
import type { AudienceRepository } from '../ports/AudienceRepository.js';
import type { PopulationKind, Populations, TargetingStore } from '../ports/TargetingStore.js';
import { profileKeyValue } from '../profiles/matchKeys.js';
import type { Profile } from '../profiles/Profile.js';
import { DomainError } from '../shared/DomainError.js';
import { evaluateFilter } from '../targeting/evaluateFilter.js';
import type { Filter } from '../targeting/Filter.js';
import { exclusionOf, intersectionOf, unionOf } from '../workflows/setAlgebra.js';
import type { ProfileSnapshotSource } from './InMemoryReconciliationStore.js';
import { batchesOf, byCodeUnit, promised } from './paging.js';

interface Population {
  readonly kind: PopulationKind;
  readonly members: ReadonlySet<string>;
}

/** The reference targeting store: each node is a set, combined by the reference set algebra. */
export class InMemoryTargetingStore implements TargetingStore {
  constructor(
    private readonly profiles: ProfileSnapshotSource,
    private readonly audiences: AudienceRepository,
  ) {}

  open(org: OrgId, _runId: string): Promise<Populations> {
    return Promise.resolve(new InMemoryPopulations(org, this.profiles, this.audiences));
  }
}

class InMemoryPopulations implements Populations {
  private readonly nodes = new Map<string, Population>();
  private readonly unmatchedOf = new Map<string, string[]>();

  constructor(
    private readonly org: OrgId,
    private readonly profileSource: ProfileSnapshotSource,
    private readonly audiences: AudienceRepository,
  ) {}

  query(node: string, filter: Filter): Promise<number> {
    const keys = this.profileSource
      .all(this.org)
      .filter((profile) => evaluateFilter(filter, profile))
      .map((profile) => profile.key);

    return Promise.resolve(this.write(node, 'profiles', keys));
  }

  async readAudience(
    node: string,
    audienceId: string,
  ): Promise<{ readonly count: number; readonly kind: PopulationKind }> {
    const audience = await this.audiences.get(this.org, audienceId);
    if (audience === null) throw DomainError.notFound('audience', audienceId);

    const members: string[] = [];
    for await (const batch of this.audiences.streamMembers(this.org, audienceId, 10_000))
      members.push(...batch);
    const kind: PopulationKind = audience.type === 'file' ? 'addresses' : 'profiles';

    return { count: this.write(node, kind, members), kind };
  }

  combine(node: string, op: 'union' | 'intersection', inputs: readonly string[]): Promise<number> {
    return promised(() => {
      const populations = inputs.map((input) => this.node(input));
      const members =
        op === 'union'
          ? unionOf(populations.map((p) => p.members))
          : intersectionOf(populations.map((p) => p.members));

      return this.write(node, sameKind(populations), members);
    });
  }

  exclude(node: string, input: string, excluded: readonly string[]): Promise<number> {
    return promised(() => {
      const source = this.node(input);
      const members = exclusionOf(
        source.members,
        excluded.map((name) => this.node(name).members),
      );

      return this.write(node, source.kind, members);
    });
  }

  reconcile(
    node: string,
    input: string,
    key: ReconciliationKey,
  ): Promise<{ readonly matched: number; readonly unmatched: number }> {
    return promised(() => {
      const addresses = this.node(input).members;
      const matchedAddresses = new Set<string>();
      const keys: string[] = [];
      for (const profile of this.profileSource.all(this.org)) {
        const value = profileKeyValue(profile, key);
        if (value === null || !addresses.has(value)) continue;
        matchedAddresses.add(value);
        keys.push(profile.key);
      }
      const unmatched = [...addresses].filter((address) => !matchedAddresses.has(address)).sort(byCodeUnit);
      this.unmatchedOf.set(node, unmatched);

      return { matched: this.write(node, 'profiles', keys), unmatched: unmatched.length };
    });
  }

  async *unmatched(node: string, batchSize: number): AsyncIterable<string[]> {
    for (const batch of batchesOf(this.unmatchedOf.get(node) ?? [], batchSize)) {
      await Promise.resolve();
      yield batch;
    }
  }

  add(node: string, members: readonly string[]): Promise<void> {
    const current = this.nodes.get(node);
    this.write(node, current?.kind ?? 'profiles', [...(current?.members ?? []), ...members]);

    return Promise.resolve();
  }

  count(node: string): Promise<number> {
    return Promise.resolve(this.nodes.get(node)?.members.size ?? 0);
  }

  async *members(node: string, batchSize: number): AsyncIterable<string[]> {
    for (const batch of batchesOf([...(this.nodes.get(node)?.members ?? [])].sort(byCodeUnit), batchSize)) {
      await Promise.resolve();
      yield batch;
    }
  }

  async *profiles(node: string, batchSize: number): AsyncIterable<Profile[]> {
    const members = this.nodes.get(node)?.members ?? new Set<string>();
    const selected = this.profileSource.all(this.org).filter((profile) => members.has(profile.key));
    for (const batch of batchesOf(selected, batchSize)) {
      await Promise.resolve();
      yield batch;
    }
  }

  close(): Promise<void> {
    this.nodes.clear();
    this.unmatchedOf.clear();

    return Promise.resolve();
  }

  private write(node: string, kind: PopulationKind, members: Iterable<string>): number {
    const population = { kind, members: new Set(members) };
    this.nodes.set(node, population);

    return population.members.size;
  }

  private node(name: string): Population {
    const population = this.nodes.get(name);
    if (population === undefined)
      throw new DomainError('WORKFLOW.INVALID', `activity ${name} has not produced a population yet`);

    return population;
  }
}

function sameKind(populations: readonly Population[]): PopulationKind {
  const kinds = new Set(populations.map((population) => population.kind));
  if (kinds.size > 1)
    throw new DomainError(
      'WORKFLOW.INVALID',
      'cannot combine profiles with addresses: reconcile the addresses first',
    );

  return populations[0]?.kind ?? 'profiles';
}
