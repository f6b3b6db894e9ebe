import type { OrgId } from '../auth/Principal.js';
import type { AudienceRepository } from '../ports/AudienceRepository.js';
import type {
  ReconciliationOutcome,
  ReconciliationSession,
  ReconciliationStore,
  StagedId,
} from '../ports/ReconciliationStore.js';
import { matchKeysOf } from '../profiles/matchKeys.js';
import type { Profile } from '../profiles/Profile.js';
import { DomainError } from '../shared/DomainError.js';
import { batchesOf, byCodeUnit } from './paging.js';

/** Where the reference store reads the organisation's profiles from. */
export interface ProfileSnapshotSource {
  all(org: OrgId): Profile[];
}

/** The reference reconciliation: an index of every profile's match keys, then one lookup per staged ID. */
export class InMemoryReconciliationStore implements ReconciliationStore {
  constructor(
    private readonly profiles: ProfileSnapshotSource,
    private readonly audiences: AudienceRepository,
  ) {}

  async begin(org: OrgId, audienceId: string): Promise<ReconciliationSession> {
    if ((await this.audiences.get(org, audienceId)) === null)
      throw DomainError.notFound('audience', audienceId);

    return new InMemoryReconciliationSession(org, audienceId, this.profiles, this.audiences);
  }
}

interface Matched {
  readonly members: Set<string>;
  readonly unmatched: string[];
  readonly ambiguous: string[];
}

class InMemoryReconciliationSession implements ReconciliationSession {
  /** Staged IDs by raw ID: staging the same raw ID twice, in any batch, stages it once. */
  private readonly staged = new Map<string, StagedId>();
  private result: Matched | null = null;
  private state: 'open' | 'completed' | 'closed' = 'open';

  constructor(
    private readonly org: OrgId,
    private readonly audienceId: string,
    private readonly profiles: ProfileSnapshotSource,
    private readonly audiences: AudienceRepository,
  ) {}

  stage(ids: readonly StagedId[]): Promise<void> {
    if (this.state !== 'open') return Promise.reject(new Error(`reconciliation session is ${this.state}`));
    for (const id of ids) if (!this.staged.has(id.raw)) this.staged.set(id.raw, id);

    return Promise.resolve();
  }

  async complete(): Promise<ReconciliationOutcome> {
    if (this.state !== 'open') throw new Error(`reconciliation session is ${this.state}`);

    const result = this.match();
    const replacement = await this.audiences.beginReplace(this.org, this.audienceId);
    await replacement.add([...result.members].sort(byCodeUnit));
    const { version, count } = await replacement.commit();
    this.result = result;
    this.state = 'completed';

    return {
      staged: this.staged.size,
      reconciled: this.staged.size - result.unmatched.length,
      unreconciled: result.unmatched.length,
      ambiguous: result.ambiguous.length,
      members: count,
      version,
    };
  }

  async *unmatched(batchSize: number): AsyncIterable<string[]> {
    for (const batch of batchesOf(this.completed().unmatched, batchSize)) {
      await Promise.resolve();
      yield batch;
    }
  }

  async *ambiguous(batchSize: number): AsyncIterable<string[]> {
    for (const batch of batchesOf(this.completed().ambiguous, batchSize)) {
      await Promise.resolve();
      yield batch;
    }
  }

  close(): Promise<void> {
    this.staged.clear();
    this.state = 'closed';

    return Promise.resolve();
  }

  private completed(): Matched {
    if (this.result === null) throw new Error('unmatched and ambiguous IDs are known only after complete');

    return this.result;
  }

  private match(): Matched {
    const index = indexByMatchKey(this.profiles.all(this.org));
    const members = new Set<string>();
    const unmatched: string[] = [];
    const ambiguous: string[] = [];
    for (const id of this.staged.values()) {
      const keys = index.get(indexKey(id.field, id.value)) ?? new Set<string>();
      if (keys.size === 0) unmatched.push(id.raw);
      if (keys.size > 1) ambiguous.push(id.raw);
      for (const key of keys) members.add(key);
    }

    return { members, unmatched: unmatched.sort(byCodeUnit), ambiguous: ambiguous.sort(byCodeUnit) };
  }
}

const indexKey = (field: string, value: string): string => `${field}\u0000${value}`;

function indexByMatchKey(profiles: readonly Profile[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const profile of profiles) {
    for (const key of matchKeysOf(profile)) {
      const slot = indexKey(key.field, key.value);
      const keys = index.get(slot) ?? new Set<string>();
      keys.add(profile.key);
      index.set(slot, keys);
    }
  }

  return index;
}
