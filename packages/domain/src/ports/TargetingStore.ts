import type { OrgId } from '../auth/Principal.js';
import type { ReconciliationKey } from '../datasources/SharedDataSource.js';
import type { Profile } from '../profiles/Profile.js';
import type { Filter } from '../targeting/Filter.js';

/** Whether a population holds profile keys or raw addresses (from a file audience). */
export type PopulationKind = 'profiles' | 'addresses';

/**
 * The populations of one workflow run, one per activity (a node), kept where the profiles are so
 * that set operations run set-based. Each method writes the named node from its inputs.
 */
export interface Populations {
  query(node: string, filter: Filter): Promise<number>;

  /** Copies an audience's current members; a file audience gives addresses. */
  readAudience(
    node: string,
    audienceId: string,
  ): Promise<{ readonly count: number; readonly kind: PopulationKind }>;

  /** Union or intersection of the inputs (all of one kind). */
  combine(node: string, op: 'union' | 'intersection', inputs: readonly string[]): Promise<number>;

  /** The input minus every excluded node. */
  exclude(node: string, input: string, excluded: readonly string[]): Promise<number>;

  /** Profiles whose key equals an address of the input; addresses that match nothing are kept aside. */
  reconcile(
    node: string,
    input: string,
    key: ReconciliationKey,
  ): Promise<{ readonly matched: number; readonly unmatched: number }>;

  /** Addresses of a reconcile node that matched no profile. */
  unmatched(node: string, batchSize: number): AsyncIterable<string[]>;

  add(node: string, members: readonly string[]): Promise<void>;

  count(node: string): Promise<number>;

  members(node: string, batchSize: number): AsyncIterable<string[]>;

  /** The profiles of a node of kind `profiles`, in profile-key order. */
  profiles(node: string, batchSize: number): AsyncIterable<Profile[]>;

  /** Drops every population of the run. */
  close(): Promise<void>;
}

/** Opens the populations of a workflow run. */
export interface TargetingStore {
  open(org: OrgId, runId: string): Promise<Populations>;
}
