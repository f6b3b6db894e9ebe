import type { Audience, AudienceDraft, AudienceType } from '../audiences/Audience.js';
import type { OrgId } from '../auth/Principal.js';
import type { Page, PageRequest } from '../shared/Page.js';

/**
 * A new member version being written. Nothing of it is visible until `commit`, which switches the
 * audience to it atomically; `abort` (or a crash) leaves the previous version current.
 */
export interface MemberReplacement {
  add(members: readonly string[]): Promise<void>;
  commit(): Promise<{ readonly version: number; readonly count: number }>;
  abort(): Promise<void>;
}

/** Campaign audiences and their versioned member sets. */
export interface AudienceRepository {
  create(org: OrgId, draft: AudienceDraft): Promise<Audience>;

  get(org: OrgId, id: string): Promise<Audience | null>;

  list(org: OrgId, page: PageRequest, type?: AudienceType): Promise<Page<Audience>>;

  /** Every audience of every organisation that an import keeps synchronised, for the scheduler. */
  listImported(): Promise<{ readonly org: OrgId; readonly audienceId: string }[]>;

  /** Members of the current version, sorted, paged. */
  members(org: OrgId, id: string, page: PageRequest): Promise<Page<string>>;

  /** Members of the current version in sorted batches; a version switch during the stream is not seen. */
  streamMembers(org: OrgId, id: string, batchSize: number): AsyncIterable<string[]>;

  /** Starts a new member version that replaces the current one on commit. */
  beginReplace(org: OrgId, id: string): Promise<MemberReplacement>;

  /** Adds members to the current version (duplicates ignored); returns how many were new. */
  append(org: OrgId, id: string, members: readonly string[]): Promise<number>;

  /** Records the end of a sync. */
  markSynced(org: OrgId, id: string, at: Date): Promise<void>;
}
