import type { ExportLedger, OrgId } from '@audience-bridge/domain';

import { listTable } from '../sql/lists.js';
import type { Dialect } from '../sql/SqlExecutor.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { readCount } from '../sql/values.js';

/**
 * The given IDs the ledger lacks, in the order given. On PostgreSQL the probe is a lateral subquery with
 * `limit 1`, so each ID costs one index lookup whatever the planner's statistics say: right after a
 * large export the table is not analysed yet, and a plain anti-join then hashes the whole ledger.
 */
function filterNewSql(dialect: Dialect): string {
  const list = listTable(dialect, 'j');
  const probe =
    'select 1 from export_ledger e where e.org = ? and e.shared_audience_id = ? and e.value = j.value';

  return dialect === 'postgresql'
    ? `select j.value from ${list} left join lateral (${probe} limit 1) hit on true where hit is null order by j.idx`
    : `select j.value from ${list} where not exists (${probe}) order by j.idx`;
}

/** The export ledger as one table: an ID per upload, flagged once the service accepted the upload. */
export class MikroOrmExportLedger implements ExportLedger {
  constructor(private readonly db: SqlGateway) {}

  filterNew(org: OrgId, sharedAudienceId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return Promise.resolve([]);

    return this.db.work(async (sql) => {
      const rows = await sql.all<{ value: string }>(filterNewSql(sql.dialect), [
        JSON.stringify(ids),
        org,
        sharedAudienceId,
      ]);

      return [...new Set(rows.map((row) => row.value))];
    });
  }

  async stage(org: OrgId, sharedAudienceId: string, uploadId: string, ids: readonly string[]): Promise<void> {
    const rows = [...new Set(ids)].map((id) => [org, sharedAudienceId, id, uploadId, false]);
    await this.db.transaction((sql) =>
      sql.insertRows(
        'export_ledger',
        ['org', 'shared_audience_id', 'value', 'upload_id', 'accepted'],
        rows,
        'on conflict do nothing',
      ),
    );
  }

  async accept(org: OrgId, uploadId: string): Promise<void> {
    await this.db.work((sql) =>
      sql.run('update export_ledger set accepted = ? where org = ? and upload_id = ?', [true, org, uploadId]),
    );
  }

  async discard(org: OrgId, uploadId: string): Promise<void> {
    await this.db.work((sql) =>
      sql.run('delete from export_ledger where org = ? and upload_id = ? and accepted = ?', [
        org,
        uploadId,
        false,
      ]),
    );
  }

  pending(org: OrgId, sharedAudienceId: string): Promise<string[]> {
    return this.db.work(async (sql) => {
      const rows = await sql.all<{ upload_id: string }>(
        'select distinct upload_id from export_ledger where org = ? and shared_audience_id = ? and accepted = ? order by upload_id',
        [org, sharedAudienceId, false],
      );

      return rows.map((row) => row.upload_id);
    });
  }

  acceptedCount(org: OrgId, sharedAudienceId: string): Promise<number> {
    return this.db.work(async (sql) => {
      const row = await sql.one<{ n: unknown }>(
        'select count(distinct value) as n from export_ledger where org = ? and shared_audience_id = ? and accepted = ?',
        [org, sharedAudienceId, true],
      );

      return readCount(row?.n);
    });
  }
}
