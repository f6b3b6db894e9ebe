import type { Filter, MatchField, OrgId, Profile, ProfileRepository } from '@audience-bridge/domain';

import { filterSql } from '../sql/filter/filterSql.js';
import { keysetBatches } from '../sql/keysetBatches.js';
import { inList } from '../sql/lists.js';
import type { SqlExecutor } from '../sql/SqlExecutor.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { readCount } from '../sql/values.js';
import {
  matchKeyValues,
  PROFILE_COLUMNS,
  PROFILE_INSERT_COLUMNS,
  profileOf,
  profileValues,
  type ProfileSqlRow,
} from './profileRows.js';

const UPDATE_ON_CONFLICT =
  'on conflict (org, key) do update set ' +
  PROFILE_INSERT_COLUMNS.filter((column) => column !== 'org' && column !== 'key')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');

/** Profiles in SQL: one multi-row upsert per call, match keys in `profile_keys`, filters compiled to SQL. */
export class MikroOrmProfileRepository implements ProfileRepository {
  constructor(private readonly db: SqlGateway) {}

  upsertMany(
    org: OrgId,
    profiles: readonly Profile[],
  ): Promise<{ readonly inserted: number; readonly updated: number }> {
    const latest = [...new Map(profiles.map((profile) => [profile.key, profile])).values()];
    if (latest.length === 0) return Promise.resolve({ inserted: 0, updated: 0 });

    return this.db.transaction(async (sql) => {
      const keys = latest.map((profile) => profile.key);
      const existing = inList(sql.dialect, 'key', keys);
      const before = await sql.one<{ n: unknown }>(
        `select count(*) as n from profiles where org = ? and ${existing.sql}`,
        [org, ...existing.params],
      );
      const updated = readCount(before?.n);

      await sql.insertRows(
        'profiles',
        PROFILE_INSERT_COLUMNS,
        latest.map((profile) => profileValues(org, profile)),
        UPDATE_ON_CONFLICT,
      );
      await this.rewriteMatchKeys(sql, org, latest);

      return { inserted: latest.length - updated, updated };
    });
  }

  findByKeys(org: OrgId, keys: readonly string[]): Promise<Profile[]> {
    return this.db.work(async (sql) => {
      const wanted = inList(sql.dialect, 'p.key', keys);
      const rows = await sql.all<ProfileSqlRow>(
        `select ${PROFILE_COLUMNS} from profiles p where p.org = ? and ${wanted.sql} order by p.key`,
        [org, ...wanted.params],
      );

      return rows.map(profileOf);
    });
  }

  findByMatch(org: OrgId, field: MatchField, values: readonly string[]): Promise<Profile[]> {
    return this.db.work(async (sql) => {
      const wanted = inList(sql.dialect, 'k.value', values);
      const rows = await sql.all<ProfileSqlRow>(
        `select ${PROFILE_COLUMNS} from profiles p where p.org = ? and p.id in ` +
          `(select k.profile_id from profile_keys k where k.org = ? and k.field = ? and ${wanted.sql}) order by p.key`,
        [org, org, field, ...wanted.params],
      );

      return rows.map(profileOf);
    });
  }

  async *stream(org: OrgId, filter: Filter | null, batchSize: number): AsyncIterable<Profile[]> {
    const condition = filterSql(this.db.dialect, filter);
    const fetch = (after: string | null, limit: number): Promise<Profile[]> =>
      this.db.work(async (sql) => {
        const rows = await sql.all<ProfileSqlRow>(
          `select ${PROFILE_COLUMNS} from profiles p where p.org = ? and ${condition.sql}` +
            `${after === null ? '' : ' and p.key > ?'} order by p.key limit ?`,
          [org, ...condition.params, ...(after === null ? [] : [after]), limit],
        );

        return rows.map(profileOf);
      });

    yield* keysetBatches(fetch, (profile) => profile.key, batchSize);
  }

  count(org: OrgId, filter: Filter | null): Promise<number> {
    const condition = filterSql(this.db.dialect, filter);

    return this.db.work(async (sql) => {
      const row = await sql.one<{ n: unknown }>(
        `select count(*) as n from profiles p where p.org = ? and ${condition.sql}`,
        [org, ...condition.params],
      );

      return readCount(row?.n);
    });
  }

  /** Replaces the match keys of the given profiles: one delete and one multi-row insert, set-based. */
  private async rewriteMatchKeys(sql: SqlExecutor, org: OrgId, profiles: readonly Profile[]): Promise<void> {
    const keys = inList(
      sql.dialect,
      'key',
      profiles.map((profile) => profile.key),
    );
    const ids = await sql.all<{ id: unknown; key: string }>(
      `select id, key from profiles where org = ? and ${keys.sql}`,
      [org, ...keys.params],
    );
    await sql.run(
      `delete from profile_keys where org = ? and profile_id in (select id from profiles where org = ? and ${keys.sql})`,
      [org, org, ...keys.params],
    );
    const idOf = new Map(ids.map((row) => [row.key, Number(row.id)]));
    await sql.insertRows(
      'profile_keys',
      ['org', 'field', 'value', 'profile_id'],
      matchKeyValues(org, profiles, idOf),
      'on conflict do nothing',
    );
  }
}
