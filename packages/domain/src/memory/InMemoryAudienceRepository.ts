import type { Audience, AudienceDraft, AudienceType } from '../audiences/Audience.js';
import type { OrgId } from '../auth/Principal.js';
import type { AudienceRepository, MemberReplacement } from '../ports/AudienceRepository.js';
import { DomainError } from '../shared/DomainError.js';
import type { Page, PageRequest } from '../shared/Page.js';
import { OrgScoped } from './OrgScoped.js';
import { batchesOf, byCodeUnit, pageOf, promised } from './paging.js';

interface StoredAudience {
  audience: Audience;
  /** The current version's members; a replacement swaps in a new set, so a reader's copy is never mixed. */
  members: ReadonlySet<string>;
}

/** The reference audience store: each member version is an immutable set swapped in on commit. */
export class InMemoryAudienceRepository implements AudienceRepository {
  private readonly audiences = new OrgScoped<StoredAudience>();

  create(org: OrgId, draft: AudienceDraft): Promise<Audience> {
    return promised(() => {
      const stored = this.audiences.of(org);
      if (stored.has(draft.id)) throw new DomainError('CONFLICT', `audience ${draft.id} already exists`);

      const audience: Audience = { ...draft, version: 0, memberCount: 0, lastSyncedAt: null };
      stored.set(draft.id, { audience, members: new Set() });

      return audience;
    });
  }

  get(org: OrgId, id: string): Promise<Audience | null> {
    return Promise.resolve(this.audiences.get(org, id)?.audience ?? null);
  }

  list(org: OrgId, page: PageRequest, type?: AudienceType): Promise<Page<Audience>> {
    const all = [...this.audiences.of(org).values()]
      .map((stored) => stored.audience)
      .filter((audience) => type === undefined || audience.type === type)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byCodeUnit(a.id, b.id));

    return Promise.resolve(pageOf(all, page));
  }

  listImported(): Promise<{ readonly org: OrgId; readonly audienceId: string }[]> {
    const imported = this.audiences
      .entries()
      .flatMap(([org, stored]) =>
        [...stored.values()]
          .filter((s) => s.audience.source !== null)
          .map((s) => ({ org, audienceId: s.audience.id })),
      );

    return Promise.resolve(imported);
  }

  members(org: OrgId, id: string, page: PageRequest): Promise<Page<string>> {
    return promised(() => pageOf(this.sortedMembers(org, id), page));
  }

  async *streamMembers(org: OrgId, id: string, batchSize: number): AsyncIterable<string[]> {
    for (const batch of batchesOf(this.sortedMembers(org, id), batchSize)) {
      await Promise.resolve();
      yield batch;
    }
  }

  beginReplace(org: OrgId, id: string): Promise<MemberReplacement> {
    return promised(() => {
      this.require(org, id);

      return new InMemoryReplacement((members) => this.switchTo(org, id, members));
    });
  }

  append(org: OrgId, id: string, members: readonly string[]): Promise<number> {
    return promised(() => {
      const stored = this.require(org, id);
      const next = new Set(stored.members);
      for (const member of members) next.add(member);

      const added = next.size - stored.members.size;
      stored.members = next;
      stored.audience = { ...stored.audience, memberCount: next.size };

      return added;
    });
  }

  markSynced(org: OrgId, id: string, at: Date): Promise<void> {
    return promised(() => {
      const stored = this.require(org, id);
      stored.audience = { ...stored.audience, lastSyncedAt: at };

      return undefined;
    });
  }

  private switchTo(org: OrgId, id: string, members: ReadonlySet<string>): { version: number; count: number } {
    const stored = this.require(org, id);
    const version = stored.audience.version + 1;
    stored.members = members;
    stored.audience = { ...stored.audience, version, memberCount: members.size };

    return { version, count: members.size };
  }

  private sortedMembers(org: OrgId, id: string): string[] {
    return [...this.require(org, id).members].sort(byCodeUnit);
  }

  private require(org: OrgId, id: string): StoredAudience {
    const stored = this.audiences.get(org, id);
    if (stored === undefined) throw DomainError.notFound('audience', id);

    return stored;
  }
}

/** A member version under construction; it reaches the audience only through `commit`. */
class InMemoryReplacement implements MemberReplacement {
  private readonly members = new Set<string>();
  private state: 'open' | 'committed' | 'aborted' = 'open';

  constructor(
    private readonly onCommit: (members: ReadonlySet<string>) => { version: number; count: number },
  ) {}

  add(members: readonly string[]): Promise<void> {
    return promised(() => {
      this.assertOpen();
      for (const member of members) this.members.add(member);

      return undefined;
    });
  }

  commit(): Promise<{ readonly version: number; readonly count: number }> {
    return promised(() => {
      this.assertOpen();
      this.state = 'committed';

      return this.onCommit(this.members);
    });
  }

  abort(): Promise<void> {
    if (this.state === 'open') this.state = 'aborted';

    return Promise.resolve();
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new Error(`member replacement already ${this.state}`);
  }
}
