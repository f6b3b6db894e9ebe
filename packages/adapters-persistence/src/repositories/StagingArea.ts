import type { OrgId, StagedId } from '@audience-bridge/domain';

import type { Dialect } from '../sql/SqlExecutor.js';

/**
 * Where one reconciliation session keeps its staged IDs. On SQLite (one in-process connection) it is a
 * temporary table of the session's own, held in memory, keyed by raw ID alone and dropped whole at the
 * end; on PostgreSQL, whose pool spreads statements over connections, it is the shared unlogged
 * `reconciliation_staging` table scoped by organisation and session.
 */
export interface StagingArea {
  /** The table, always read under the alias `s`. */
  readonly table: string;
  /** The predicate selecting the session's rows, on `s`, and its parameters. */
  readonly scope: string;
  readonly scopeParams: readonly unknown[];
  readonly columns: readonly string[];
  row(id: StagedId): unknown[];
  /** Statements run when the session opens (none on PostgreSQL). */
  readonly open: readonly string[];
  /** The statement that empties the area when the session ends, and its parameters. */
  readonly release: { readonly sql: string; readonly params: readonly unknown[] };
}

export function stagingArea(dialect: Dialect, org: OrgId, sessionId: string): StagingArea {
  if (dialect === 'sqlite') {
    const table = `temp.reconciliation_${sessionId.replace(/[^0-9a-f]/gi, '')}`;
    return {
      table,
      scope: '1 = 1',
      scopeParams: [],
      columns: ['raw', 'field', 'value'],
      row: (id) => [id.raw, id.field, id.value],
      open: [
        `create table ${table} (raw text primary key, field text not null, value text not null) without rowid`,
      ],
      release: { sql: `drop table if exists ${table}`, params: [] },
    };
  }

  return {
    table: 'reconciliation_staging',
    scope: 's.org = ? and s.session_id = ?',
    scopeParams: [org, sessionId],
    columns: ['org', 'session_id', 'raw', 'field', 'value'],
    row: (id) => [org, sessionId, id.raw, id.field, id.value],
    open: [],
    release: {
      sql: 'delete from reconciliation_staging where org = ? and session_id = ?',
      params: [org, sessionId],
    },
  };
}
