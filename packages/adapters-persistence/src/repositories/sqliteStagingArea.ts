import type { OrgId, StagedId } from '@audience-bridge/domain';

import type { SqlExecutor } from '../sql/SqlExecutor.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { readCount } from '../sql/values.js';
import type { FlaggedKind, MemberTarget, ReconciledCounts, StagingArea } from './StagingArea.js';

/** Stands for "no profile" in the matches table, whose key cannot hold NULL; profile ids start at 1. */
const NO_PROFILE = 0;

const STAGE_COLUMNS = ['seq', 'raw', 'field', 'value'];

/** The SQL of one session's two temporary tables: the staged rows, and each first staging's matches. */
function sessionSql(staged: string, matches: string) {
  return {
    open: [
      `create table ${staged} (seq integer primary key, raw text not null, field text not null, value text not null)`,
      `create table ${matches} (raw text not null, profile_id integer not null, primary key (raw, profile_id)) without rowid`,
    ],
    /**
     * The first staging of each raw ID (the bare columns of a `min` aggregate come from its row) probes
     * `profile_keys` once; each match, or its absence, becomes a row. Parameters: org.
     */
    match:
      `insert into ${matches} (raw, profile_id) select f.raw, coalesce(k.profile_id, ${NO_PROFILE}) ` +
      `from (select raw, field, value, min(seq) from ${staged} group by raw) f ` +
      'left join profile_keys k on k.org = ? and k.field = f.field and k.value = f.value',
    /** The distinct members; `cross join` keeps the matches outermost. Parameters: org, audience, generation. */
    write:
      'insert into audience_members (org, audience_id, generation, member) ' +
      'select distinct cast(? as text), cast(? as text), cast(? as integer), p.key ' +
      `from ${matches} m cross join profiles p where p.id = m.profile_id`,
    count:
      'select count(*) as staged, coalesce(sum(n > 0), 0) as reconciled, coalesce(sum(n > 1), 0) as ambiguous ' +
      `from (select sum(profile_id <> ${NO_PROFILE}) as n from ${matches} group by raw) counted`,
    unmatched: (after: boolean): string =>
      `select raw from ${matches} where profile_id = ${NO_PROFILE}${after ? ' and raw > ?' : ''} order by raw limit ?`,
    ambiguous: (after: boolean): string =>
      `select raw from ${matches} where profile_id <> ${NO_PROFILE}${after ? ' and raw > ?' : ''} ` +
      'group by raw having count(*) > 1 order by raw limit ?',
    release: [`drop table if exists ${staged}`, `drop table if exists ${matches}`],
  };
}

type SessionSql = ReturnType<typeof sessionSql>;

interface CountsRow {
  staged: unknown;
  reconciled: unknown;
  ambiguous: unknown;
}

/**
 * SQLite: temporary tables of the session's own on the one connection. Staged rows are keyed by their
 * number alone, so staging only appends; the organisation scopes the probes of `profile_keys`.
 */
class SqliteStagingArea implements StagingArea {
  constructor(
    private readonly db: SqlGateway,
    private readonly org: OrgId,
    private readonly staged: string,
    private readonly sql: SessionSql,
  ) {}

  async stage(ids: readonly StagedId[], firstSeq: number): Promise<void> {
    const rows = ids.map((id, index) => [firstSeq + index, id.raw, id.field, id.value]);
    await this.db.transaction((sql) => sql.insertRows(this.staged, STAGE_COLUMNS, rows));
  }

  transaction<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async reconcile(sql: SqlExecutor, target: MemberTarget): Promise<ReconciledCounts> {
    await sql.run(this.sql.match, [this.org]);
    const members = await sql.run(this.sql.write, [this.org, target.audienceId, target.generation]);
    const row = await sql.one<CountsRow>(this.sql.count);

    return {
      staged: readCount(row?.staged),
      reconciled: readCount(row?.reconciled),
      ambiguous: readCount(row?.ambiguous),
      members,
    };
  }

  page(kind: FlaggedKind, after: string | null, limit: number): Promise<string[]> {
    const text =
      kind === 'unmatched' ? this.sql.unmatched(after !== null) : this.sql.ambiguous(after !== null);
    const params = [...(after === null ? [] : [after]), limit];

    return this.db.work(async (sql) => {
      const rows = await sql.all<{ raw: string }>(text, params);

      return rows.map((row) => row.raw);
    });
  }

  release(): Promise<void> {
    return this.db.work(async (sql) => {
      for (const statement of this.sql.release) await sql.run(statement);
    });
  }
}

/** Creates the session's temporary tables, named after the session. */
export async function openSqliteStagingArea(
  db: SqlGateway,
  org: OrgId,
  sessionId: string,
): Promise<StagingArea> {
  const name = `temp.reconciliation_${sessionId.replace(/[^0-9a-f]/gi, '')}`;
  const sql = sessionSql(name, `${name}_matches`);
  await db.work(async (executor) => {
    for (const statement of sql.open) await executor.run(statement);
  });

  return new SqliteStagingArea(db, org, name, sql);
}
