import type { OrgId, StagedId } from '@audience-bridge/domain';

import type { DedicatedConnection } from '../sql/DedicatedConnection.js';
import type { SqlExecutor } from '../sql/SqlExecutor.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { readCount } from '../sql/values.js';
import type { FlaggedKind, MemberTarget, ReconciledCounts, StagingArea } from './StagingArea.js';

const STAGED = 'pg_temp.reconciliation_staged';
const FLAGGED = 'pg_temp.reconciliation_flagged';

/**
 * The session's temporary tables: staged rows (a value equal to its raw ID, as for visitor IDs and hashes,
 * is kept as null), and the raw IDs found unmatched or ambiguous, keyed for paging.
 */
const OPEN = [
  `create temp table ${STAGED} (seq bigint not null, raw text collate "C" not null, ` +
    'field text collate "C" not null, value text collate "C")',
  `create temp table ${FLAGGED} (ambiguous boolean not null, raw text collate "C" not null, ` +
    'primary key (ambiguous, raw))',
];

/**
 * One batch as three JSON arrays of strings, numbered by ordinality from the first number. Parameters:
 * first seq, raws, fields, values.
 */
const STAGE =
  `insert into ${STAGED} (seq, raw, field, value) ` +
  'select cast(? as bigint) + u.ordinal - 1, u.raw, u.field, u.value ' +
  'from rows from (json_array_elements_text(?::json), json_array_elements_text(?::json), ' +
  'json_array_elements_text(?::json)) with ordinality as u(raw, field, value, ordinal)';

/** The three JSON arrays of a batch, each value null where it equals its raw ID. */
function stagedColumns(ids: readonly StagedId[]): string[] {
  return [
    JSON.stringify(ids.map((id) => id.raw)),
    JSON.stringify(ids.map((id) => id.field)),
    JSON.stringify(ids.map((id) => (id.value === id.raw ? null : id.value))),
  ];
}

/** The first staging of each raw ID. */
const FIRSTS =
  'select distinct on (s.raw) s.raw, s.field, coalesce(s.value, s.raw) as value ' +
  `from ${STAGED} s order by s.raw, s.seq`;

/**
 * One row per match of each first staging, or one row without a member when nothing matches, with the
 * number of matches and the row's position among them. The window keeps the lateral subquery a probe of
 * the `profile_keys` index per raw ID whatever the planner guesses of the unanalysed temporary table.
 * Parameters: org.
 */
const MATCHED =
  'select f.raw, m.member, m.matches, m.position from firsts f left join lateral (' +
  'select p.key as member, count(*) over () as matches, row_number() over () as position ' +
  'from profile_keys k join profiles p on p.id = k.profile_id ' +
  'where k.org = ? and k.field = f.field and k.value = f.value) m on true';

/** The distinct members, inserted in key order. Parameters: org, audience, generation. */
const WRITTEN =
  'insert into audience_members (org, audience_id, generation, member) ' +
  'select distinct cast(? as text), cast(? as text), cast(? as integer), m.member from matched m ' +
  'where m.member is not null order by m.member returning 1';

/** Raw IDs that matched no profile or several, kept for paging. */
const NOTED =
  `insert into ${FLAGGED} (ambiguous, raw) select m.position is not null, m.raw from matched m ` +
  'where m.position is null or (m.position = 1 and m.matches > 1)';

/**
 * The whole reconciliation in one statement, so the staged rows are read and probed once: the members,
 * the flagged IDs and the counts all come from the same matched rows. Parameters: org, org, audience,
 * generation.
 */
const RECONCILE =
  `with firsts as (${FIRSTS}), matched as materialized (${MATCHED}), ` +
  `written as (${WRITTEN}), noted as (${NOTED}) ` +
  'select (select count(*) from written) as members, ' +
  'count(*) filter (where m.position is null or m.position = 1) as staged, ' +
  'count(*) filter (where m.position = 1) as reconciled, ' +
  'count(*) filter (where m.position = 1 and m.matches > 1) as ambiguous ' +
  'from matched m';

/**
 * The estimates for an unanalysed temporary table are guesses; a JIT compile they might trigger costs more
 * than it saves on a statement of index probes.
 */
const NO_JIT = 'set local jit = off';

const pageSql = (after: boolean): string =>
  `select raw from ${FLAGGED} where ambiguous = ?${after ? ' and raw > ?' : ''} order by raw limit ?`;

interface CountsRow {
  members: unknown;
  staged: unknown;
  reconciled: unknown;
  ambiguous: unknown;
}

/** PostgreSQL: temporary tables on a connection of the session's own, which `release` closes. */
class PostgresStagingArea implements StagingArea {
  constructor(
    private readonly connection: DedicatedConnection,
    private readonly org: OrgId,
  ) {}

  async stage(ids: readonly StagedId[], firstSeq: number): Promise<void> {
    if (ids.length === 0) return;
    await this.connection.work((sql) => sql.run(STAGE, [firstSeq, ...stagedColumns(ids)]));
  }

  transaction<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    return this.connection.transaction(fn);
  }

  async reconcile(sql: SqlExecutor, target: MemberTarget): Promise<ReconciledCounts> {
    await sql.run(NO_JIT);
    const row = await sql.one<CountsRow>(RECONCILE, [
      this.org,
      this.org,
      target.audienceId,
      target.generation,
    ]);

    return {
      staged: readCount(row?.staged),
      reconciled: readCount(row?.reconciled),
      ambiguous: readCount(row?.ambiguous),
      members: readCount(row?.members),
    };
  }

  page(kind: FlaggedKind, after: string | null, limit: number): Promise<string[]> {
    const params = [kind === 'ambiguous', ...(after === null ? [] : [after]), limit];

    return this.connection.work(async (sql) => {
      const rows = await sql.all<{ raw: string }>(pageSql(after !== null), params);

      return rows.map((row) => row.raw);
    });
  }

  release(): Promise<void> {
    return this.connection.end();
  }
}

/** Opens a connection for the session and creates its temporary tables there. */
export async function openPostgresStagingArea(db: SqlGateway, org: OrgId): Promise<StagingArea> {
  const connection = await db.dedicated();
  try {
    await connection.work(async (sql) => {
      for (const statement of OPEN) await sql.run(statement);
    });
  } catch (error) {
    await connection.end();
    throw error;
  }

  return new PostgresStagingArea(connection, org);
}
