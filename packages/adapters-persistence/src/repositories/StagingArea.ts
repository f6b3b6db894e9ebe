import type { OrgId, StagedId } from '@audience-bridge/domain';

import type { SqlExecutor } from '../sql/SqlExecutor.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { openPostgresStagingArea } from './postgresStagingArea.js';
import { openSqliteStagingArea } from './sqliteStagingArea.js';

/** The member generation a reconciliation writes. */
export interface MemberTarget {
  readonly audienceId: string;
  readonly generation: number;
}

/** What one reconciliation found: distinct raw IDs staged, matched, matched several times, and members written. */
export interface ReconciledCounts {
  readonly staged: number;
  readonly reconciled: number;
  readonly ambiguous: number;
  readonly members: number;
}

/** The raw IDs a session lists after `complete`. */
export type FlaggedKind = 'unmatched' | 'ambiguous';

/**
 * Where one reconciliation session keeps its staged IDs and what it found: temporary tables of the
 * session's own, dropped whole at the end. Staging only appends rows numbered by the session in staging
 * order; `reconcile` keeps the first staging of each raw ID and matches it once. SQLite's one in-process
 * connection holds them; on PostgreSQL, whose pool spreads statements over connections, the session opens
 * a connection of its own.
 */
export interface StagingArea {
  /** Appends one batch; its IDs are numbered from `firstSeq` in the order given. */
  stage(ids: readonly StagedId[], firstSeq: number): Promise<void>;
  /** Runs `fn` in one transaction on the connection that sees the staged rows. */
  transaction<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Inside `transaction`: matches every distinct staged raw ID against `profile_keys` once, writes the
   * matched profiles' keys as the target generation, and keeps the IDs `page` lists.
   */
  reconcile(sql: SqlExecutor, target: MemberTarget): Promise<ReconciledCounts>;
  /** One keyset page of the raw IDs of a kind, in code point order, after `after` when given. */
  page(kind: FlaggedKind, after: string | null, limit: number): Promise<string[]>;
  /** Drops everything the session kept. */
  release(): Promise<void>;
}

/** Opens the staging area of a new session of the organisation. */
export function openStagingArea(db: SqlGateway, org: OrgId, sessionId: string): Promise<StagingArea> {
  return db.dialect === 'sqlite'
    ? openSqliteStagingArea(db, org, sessionId)
    : openPostgresStagingArea(db, org);
}
