import {
  DomainError,
  type Filter,
  type OrgId,
  type PopulationKind,
  type Populations,
  type Profile,
  type ReconciliationKey,
} from '@audience-bridge/domain';

import { filterSql } from '../sql/filter/filterSql.js';
import { keysetBatches } from '../sql/keysetBatches.js';
import { placeholders } from '../sql/lists.js';
import type { Fragment, SqlExecutor } from '../sql/SqlExecutor.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { readCount } from '../sql/values.js';
import { currentGeneration } from './audienceGenerations.js';
import { PROFILE_COLUMNS, profileOf, type ProfileSqlRow } from './profileRows.js';

/** Where a reconcile node keeps the addresses that matched no profile; activity ids cannot contain `#`. */
const unmatchedNode = (node: string): string => `${node}#unmatched`;

/** The populations of one workflow run: each node's members are rows, written by one INSERT … SELECT. */
export class SqlPopulations implements Populations {
  constructor(
    private readonly db: SqlGateway,
    private readonly org: OrgId,
    private readonly runId: string,
  ) {}

  query(node: string, filter: Filter): Promise<number> {
    const condition = filterSql(this.db.dialect, filter);

    return this.db.transaction((sql) =>
      this.write(sql, node, 'profiles', {
        sql: `select p.key as member from profiles p where p.org = ? and ${condition.sql}`,
        params: [this.org, ...condition.params],
      }),
    );
  }

  readAudience(
    node: string,
    audienceId: string,
  ): Promise<{ readonly count: number; readonly kind: PopulationKind }> {
    return this.db.transaction(async (sql) => {
      const audience = await sql.one<{ type: string }>(
        'select type from audiences where org = ? and id = ?',
        [this.org, audienceId],
      );
      const generation = await currentGeneration(sql, this.org, audienceId);
      if (audience === null || generation === null) throw DomainError.notFound('audience', audienceId);

      const kind: PopulationKind = audience.type === 'file' ? 'addresses' : 'profiles';
      const source = {
        sql: 'select member from audience_members where org = ? and audience_id = ? and generation = ?',
        params: [this.org, audienceId, generation],
      };

      return { count: await this.write(sql, node, kind, source), kind };
    });
  }

  combine(node: string, op: 'union' | 'intersection', inputs: readonly string[]): Promise<number> {
    const distinct = [...new Set(inputs)];

    return this.db.transaction(async (sql) => {
      const kind = await this.sameKind(sql, distinct);
      const having = op === 'union' ? '' : ` having count(*) = ${distinct.length}`;
      const source = {
        sql: `select member from population_members where org = ? and run_id = ? and node in (${placeholders(distinct.length)}) group by member${having}`,
        params: [this.org, this.runId, ...distinct],
      };

      return this.write(
        sql,
        node,
        kind,
        distinct.length === 0 ? { sql: `${source.sql} limit 0`, params: source.params } : source,
      );
    });
  }

  exclude(node: string, input: string, excluded: readonly string[]): Promise<number> {
    return this.db.transaction(async (sql) => {
      const kind = await this.kindOf(sql, input);
      for (const name of excluded) await this.kindOf(sql, name);
      const others =
        excluded.length === 0
          ? ''
          : ` and not exists (select 1 from population_members b where b.org = a.org and b.run_id = a.run_id and b.node in (${placeholders(excluded.length)}) and b.member = a.member)`;
      const source = {
        sql: `select a.member as member from population_members a where a.org = ? and a.run_id = ? and a.node = ?${others}`,
        params: [this.org, this.runId, input, ...excluded],
      };

      return this.write(sql, node, kind, source);
    });
  }

  reconcile(
    node: string,
    input: string,
    key: ReconciliationKey,
  ): Promise<{ readonly matched: number; readonly unmatched: number }> {
    return this.db.transaction(async (sql) => {
      await this.kindOf(sql, input);
      const ofInput = 'a.org = ? and a.run_id = ? and a.node = ?';
      const matched = await this.write(sql, node, 'profiles', {
        sql:
          'select p.key as member from population_members a join profile_keys k on k.org = a.org and k.field = ? and k.value = a.member ' +
          `join profiles p on p.id = k.profile_id where ${ofInput}`,
        params: [key, this.org, this.runId, input],
      });
      const unmatched = await this.write(sql, unmatchedNode(node), 'addresses', {
        sql:
          `select a.member as member from population_members a where ${ofInput} and not exists ` +
          '(select 1 from profile_keys k where k.org = a.org and k.field = ? and k.value = a.member)',
        params: [this.org, this.runId, input, key],
      });

      return { matched, unmatched };
    });
  }

  unmatched(node: string, batchSize: number): AsyncIterable<string[]> {
    return this.members(unmatchedNode(node), batchSize);
  }

  add(node: string, members: readonly string[]): Promise<void> {
    return this.db.transaction(async (sql) => {
      const existing = await this.kindOrNull(sql, node);
      if (existing === null) await this.declare(sql, node, 'profiles');
      const rows = members.map((member) => [this.org, this.runId, node, member]);
      await sql.insertRows(
        'population_members',
        ['org', 'run_id', 'node', 'member'],
        rows,
        'on conflict do nothing',
      );
    });
  }

  count(node: string): Promise<number> {
    return this.db.work(async (sql) => {
      const row = await sql.one<{ n: unknown }>(
        'select count(*) as n from population_members where org = ? and run_id = ? and node = ?',
        [this.org, this.runId, node],
      );

      return readCount(row?.n);
    });
  }

  async *members(node: string, batchSize: number): AsyncIterable<string[]> {
    const fetch = (after: string | null, limit: number): Promise<string[]> =>
      this.db.work(async (sql) => {
        const rows = await sql.all<{ member: string }>(
          'select member from population_members where org = ? and run_id = ? and node = ?' +
            `${after === null ? '' : ' and member > ?'} order by member limit ?`,
          [this.org, this.runId, node, ...(after === null ? [] : [after]), limit],
        );

        return rows.map((row) => row.member);
      });

    yield* keysetBatches(fetch, (member) => member, batchSize);
  }

  async *profiles(node: string, batchSize: number): AsyncIterable<Profile[]> {
    const fetch = (after: string | null, limit: number): Promise<Profile[]> =>
      this.db.work(async (sql) => {
        const rows = await sql.all<ProfileSqlRow>(
          `select ${PROFILE_COLUMNS} from population_members m join profiles p on p.org = m.org and p.key = m.member ` +
            `where m.org = ? and m.run_id = ? and m.node = ?${after === null ? '' : ' and m.member > ?'} order by m.member limit ?`,
          [this.org, this.runId, node, ...(after === null ? [] : [after]), limit],
        );

        return rows.map(profileOf);
      });

    yield* keysetBatches(fetch, (profile) => profile.key, batchSize);
  }

  async close(): Promise<void> {
    await this.db.transaction(async (sql) => {
      await sql.run('delete from population_members where org = ? and run_id = ?', [this.org, this.runId]);
      await sql.run('delete from population_nodes where org = ? and run_id = ?', [this.org, this.runId]);
    });
  }

  /** Replaces a node's members with the rows of `source` (one column of members) and returns how many it holds. */
  private async write(
    sql: SqlExecutor,
    node: string,
    kind: PopulationKind,
    source: Fragment,
  ): Promise<number> {
    await sql.run('delete from population_members where org = ? and run_id = ? and node = ?', [
      this.org,
      this.runId,
      node,
    ]);
    await this.declare(sql, node, kind);

    return sql.run(
      `insert into population_members (org, run_id, node, member) select cast(? as text), cast(? as text), cast(? as text), s.member from (${source.sql}) s where true on conflict do nothing`,
      [this.org, this.runId, node, ...source.params],
    );
  }

  private async declare(sql: SqlExecutor, node: string, kind: PopulationKind): Promise<void> {
    await sql.run(
      'insert into population_nodes (org, run_id, node, kind) values (?, ?, ?, ?) on conflict (org, run_id, node) do update set kind = excluded.kind',
      [this.org, this.runId, node, kind],
    );
  }

  private async kindOrNull(sql: SqlExecutor, node: string): Promise<PopulationKind | null> {
    const row = await sql.one<{ kind: string }>(
      'select kind from population_nodes where org = ? and run_id = ? and node = ?',
      [this.org, this.runId, node],
    );

    return row === null ? null : (row.kind as PopulationKind);
  }

  private async kindOf(sql: SqlExecutor, node: string): Promise<PopulationKind> {
    const kind = await this.kindOrNull(sql, node);
    if (kind === null)
      throw new DomainError('WORKFLOW.INVALID', `activity ${node} has not produced a population yet`);

    return kind;
  }

  private async sameKind(sql: SqlExecutor, inputs: readonly string[]): Promise<PopulationKind> {
    const kinds = new Set<PopulationKind>();
    for (const input of inputs) kinds.add(await this.kindOf(sql, input));
    if (kinds.size > 1)
      throw new DomainError(
        'WORKFLOW.INVALID',
        'cannot combine profiles with addresses: reconcile the addresses first',
      );

    return [...kinds][0] ?? 'profiles';
  }
}
