import {
  DomainError,
  type Audience,
  type AudienceDraft,
  type AudienceRepository,
  type AudienceType,
  type MemberReplacement,
  type OrgId,
  type Page,
  type PageRequest,
} from '@audience-bridge/domain';

import { keysetBatches } from '../sql/keysetBatches.js';
import type { SqlExecutor } from '../sql/SqlExecutor.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { readCount, writeDate } from '../sql/values.js';
import { currentGeneration, reserveGeneration } from './audienceGenerations.js';
import {
  AUDIENCE_COLUMNS,
  AUDIENCE_INSERT_COLUMNS,
  audienceOf,
  audienceValues,
  type AudienceSqlRow,
} from './audienceRows.js';
import { SqlMemberReplacement } from './SqlMemberReplacement.js';

const MEMBER_COLUMNS = ['org', 'audience_id', 'generation', 'member'];

/** Audiences and their member generations; a replace writes a new generation and switches to it atomically. */
export class MikroOrmAudienceRepository implements AudienceRepository {
  constructor(private readonly db: SqlGateway) {}

  create(org: OrgId, draft: AudienceDraft): Promise<Audience> {
    return this.db.transaction(async (sql) => {
      const existing = await sql.one('select id from audiences where org = ? and id = ?', [org, draft.id]);
      if (existing !== null) throw new DomainError('CONFLICT', `audience ${draft.id} already exists`);

      await sql.insertRows('audiences', AUDIENCE_INSERT_COLUMNS, [audienceValues(org, draft)]);

      return { ...draft, version: 0, memberCount: 0, lastSyncedAt: null };
    });
  }

  get(org: OrgId, id: string): Promise<Audience | null> {
    return this.db.work((sql) => this.read(sql, org, id));
  }

  list(org: OrgId, page: PageRequest, type?: AudienceType): Promise<Page<Audience>> {
    const typed = type === undefined ? '' : ' and type = ?';
    const params = type === undefined ? [org] : [org, type];

    return this.db.work(async (sql) => {
      const total = await sql.one<{ n: unknown }>(
        `select count(*) as n from audiences where org = ?${typed}`,
        params,
      );
      const rows = await sql.all<AudienceSqlRow>(
        `select ${AUDIENCE_COLUMNS} from audiences where org = ?${typed} order by created_at, id limit ? offset ?`,
        [...params, page.limit, page.offset],
      );

      return {
        items: rows.map(audienceOf),
        total: readCount(total?.n),
        offset: page.offset,
        limit: page.limit,
      };
    });
  }

  listImported(): Promise<{ readonly org: OrgId; readonly audienceId: string }[]> {
    return this.db.work(async (sql) => {
      const rows = await sql.all<{ org: string; id: string }>(
        'select org, id from audiences where source is not null order by org, id',
      );

      return rows.map((row) => ({ org: row.org, audienceId: row.id }));
    });
  }

  members(org: OrgId, id: string, page: PageRequest): Promise<Page<string>> {
    return this.db.work(async (sql) => {
      const audience = await sql.one<{ generation: unknown; member_count: unknown }>(
        'select generation, member_count from audiences where org = ? and id = ?',
        [org, id],
      );
      if (audience === null) throw DomainError.notFound('audience', id);

      const rows = await sql.all<{ member: string }>(
        'select member from audience_members where org = ? and audience_id = ? and generation = ? order by member limit ? offset ?',
        [org, id, readCount(audience.generation), page.limit, page.offset],
      );

      return {
        items: rows.map((row) => row.member),
        total: readCount(audience.member_count),
        offset: page.offset,
        limit: page.limit,
      };
    });
  }

  async *streamMembers(org: OrgId, id: string, batchSize: number): AsyncIterable<string[]> {
    const generation = await this.db.work((sql) => currentGeneration(sql, org, id));
    if (generation === null) throw DomainError.notFound('audience', id);

    const fetch = (after: string | null, limit: number): Promise<string[]> =>
      this.db.work(async (sql) => {
        const rows = await sql.all<{ member: string }>(
          'select member from audience_members where org = ? and audience_id = ? and generation = ?' +
            `${after === null ? '' : ' and member > ?'} order by member limit ?`,
          [org, id, generation, ...(after === null ? [] : [after]), limit],
        );

        return rows.map((row) => row.member);
      });

    yield* keysetBatches(fetch, (member) => member, batchSize);
  }

  async beginReplace(org: OrgId, id: string): Promise<MemberReplacement> {
    const generation = await this.db.transaction((sql) => reserveGeneration(sql, org, id));

    return new SqlMemberReplacement(this.db, org, id, generation);
  }

  append(org: OrgId, id: string, members: readonly string[]): Promise<number> {
    return this.db.transaction(async (sql) => {
      const generation = await currentGeneration(sql, org, id);
      if (generation === null) throw DomainError.notFound('audience', id);

      const rows = [...new Set(members)].map((member) => [org, id, generation, member]);
      const added = await sql.insertRows('audience_members', MEMBER_COLUMNS, rows, 'on conflict do nothing');
      await sql.run('update audiences set member_count = member_count + ? where org = ? and id = ?', [
        added,
        org,
        id,
      ]);

      return added;
    });
  }

  markSynced(org: OrgId, id: string, at: Date): Promise<void> {
    return this.db.work(async (sql) => {
      const changed = await sql.run('update audiences set last_synced_at = ? where org = ? and id = ?', [
        writeDate(at),
        org,
        id,
      ]);
      if (changed === 0) throw DomainError.notFound('audience', id);
    });
  }

  private async read(sql: SqlExecutor, org: OrgId, id: string): Promise<Audience | null> {
    const row = await sql.one<AudienceSqlRow>(
      `select ${AUDIENCE_COLUMNS} from audiences where org = ? and id = ?`,
      [org, id],
    );

    return row === null ? null : audienceOf(row);
  }
}
