import type { Knex } from '@mikro-orm/knex';

import { sqlEntityManager, type BaselineOrm } from './baselineOrm.js';
import { classifyRawIds, type MemberTarget } from './naiveOrmBaseline.js';

/**
 * The one join and one insert of the hand-written baseline, from the loaded temp table. SQLite has no
 * statistics on a fresh temp table and would scan it once per profile key: `cross join` keeps it outer.
 */
const joinInsert = (dialect: 'sqlite' | 'postgresql'): string =>
  'insert into audience_members (org, audience_id, generation, member) select distinct cast(? as text), cast(? as text), cast(? as integer), p.key ' +
  `from bench_staged s ${dialect === 'sqlite' ? 'cross join' : 'join'} profile_keys k on k.org = ? and k.field = s.field and k.value = s.value ` +
  'join profiles p on p.id = k.profile_id';

/** Rows per multi-row insert on PostgreSQL (2 parameters each). */
const PG_ROWS_PER_INSERT = 5000;

interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
}

interface SqliteHandle {
  exec(sql: string): unknown;
  prepare(sql: string): SqliteStatement;
  transaction<T>(fn: () => T): () => T;
}

interface PooledClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
}

function stagedPairs(raws: readonly string[]): [string, string][] {
  const { visitors, hashedEmails } = classifyRawIds(raws);

  return [
    ...visitors.map((value): [string, string] => ['visitorId', value]),
    ...hashedEmails.map((value): [string, string] => ['email#sha256', value]),
  ];
}

/** SQLite: one prepared insert per ID into a temp table, one join, one insert, all in one transaction. */
async function onSqlite(orm: BaselineOrm, target: MemberTarget, raws: readonly string[]): Promise<number> {
  const client = sqlEntityManager(orm).getConnection().getKnex().client as unknown as PooledClient;
  const db = (await client.acquireConnection()) as SqliteHandle;
  try {
    db.exec('create temp table bench_staged (field text not null, value text not null)');
    const insert = db.prepare('insert into bench_staged (field, value) values (?, ?)');
    const join = db.prepare(joinInsert('sqlite'));
    const members = db.transaction(() => {
      for (const [field, value] of stagedPairs(raws)) insert.run(field, value);

      return join.run(target.org, target.audienceId, target.generation, target.org).changes;
    })();
    db.exec('drop table bench_staged');

    return members;
  } finally {
    await client.releaseConnection(db);
  }
}

/** PostgreSQL: large multi-row inserts into a temp table, one join, one insert, in one transaction. */
async function onPostgres(orm: BaselineOrm, target: MemberTarget, raws: readonly string[]): Promise<number> {
  const knex = sqlEntityManager(orm).getConnection().getKnex();

  return knex.transaction(async (trx: Knex.Transaction) => {
    await trx.raw(
      'create temp table bench_staged (field text collate "C" not null, value text collate "C" not null) on commit drop',
    );
    const pairs = stagedPairs(raws);
    for (let start = 0; start < pairs.length; start += PG_ROWS_PER_INSERT) {
      const chunk = pairs.slice(start, start + PG_ROWS_PER_INSERT);
      await trx.raw(
        `insert into bench_staged (field, value) values ${chunk.map(() => '(?, ?)').join(', ')}`,
        chunk.flat(),
      );
    }
    const result = await trx.raw<{ rowCount: number | null }>(joinInsert('postgresql'), [
      target.org,
      target.audienceId,
      target.generation,
      target.org,
    ]);

    return result.rowCount ?? 0;
  });
}

/** Baseline (b): hand-written SQL on the baseline ORM's connection; returns the members written. */
export function reconcileByHandSql(
  orm: BaselineOrm,
  dialect: 'sqlite' | 'postgresql',
  target: MemberTarget,
  raws: readonly string[],
): Promise<number> {
  return dialect === 'sqlite' ? onSqlite(orm, target, raws) : onPostgres(orm, target, raws);
}

/** Removes a baseline's members afterwards (not timed), so every repetition starts from the same tables. */
export async function deleteMembers(
  orm: BaselineOrm,
  target: Pick<MemberTarget, 'org' | 'audienceId'>,
): Promise<void> {
  const knex = sqlEntityManager(orm).getConnection().getKnex();
  await knex.raw('delete from audience_members where org = ? and audience_id = ?', [
    target.org,
    target.audienceId,
  ]);
}
