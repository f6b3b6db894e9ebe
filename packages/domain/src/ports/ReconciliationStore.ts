import type { OrgId } from '../auth/Principal.js';
import type { MatchField } from '../profiles/matchKeys.js';

/** A segment ID already validated and decoded, ready to be matched against profiles. */
export interface StagedId {
  /** The ID as the segment delivered it: what reports show and what makes IDs distinct. */
  readonly raw: string;
  readonly field: MatchField;
  readonly value: string;
}

/** What a completed reconciliation found; see design §3 for the conservation rule. */
export interface ReconciliationOutcome {
  /** Distinct raw IDs staged. */
  readonly staged: number;
  /** Staged IDs that matched at least one profile. */
  readonly reconciled: number;
  readonly unreconciled: number;
  /** Staged IDs that matched more than one profile (each is also counted as reconciled). */
  readonly ambiguous: number;
  /** Distinct profiles written as the audience's new members. */
  readonly members: number;
  readonly version: number;
}

/**
 * One reconciliation of a segment snapshot into an audience: IDs are staged in batches, matched
 * against profiles in one set-based step, and written as a new member version atomically.
 */
export interface ReconciliationSession {
  stage(ids: readonly StagedId[]): Promise<void>;

  /** Matches everything staged and switches the audience to the new member set in one transaction. */
  complete(): Promise<ReconciliationOutcome>;

  /** Raw IDs that matched no profile, in batches; valid after `complete`. */
  unmatched(batchSize: number): AsyncIterable<string[]>;

  /** Raw IDs that matched more than one profile, in batches; valid after `complete`. */
  ambiguous(batchSize: number): AsyncIterable<string[]>;

  /** Drops the staged IDs; before `complete` it also leaves the audience untouched. */
  close(): Promise<void>;
}

/** Starts reconciliation sessions; a storage adapter implements it set-based inside the database. */
export interface ReconciliationStore {
  begin(org: OrgId, audienceId: string): Promise<ReconciliationSession>;
}
