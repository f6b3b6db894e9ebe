import {
  DomainError,
  isAes,
  summariseDataSource,
  type AesAlgorithm,
  type Channel,
  type DataSourceRepository,
  type Encryption,
  type OrgId,
  type ReconciliationKey,
  type SharedDataSource,
  type SharedDataSourceSummary,
} from '@audience-bridge/domain';

import type { MasterKeySealer } from '../sealing/MasterKeySealer.js';
import type { SqlGateway } from '../sql/SqlGateway.js';

interface DataSourceSqlRow {
  id: string;
  label: string;
  data_source_id: unknown;
  destination_id: unknown;
  reconciliation_key: string;
  channel: string;
  algorithm: string;
  sealed_key: string | null;
  sealed_iv: string | null;
}

const COLUMNS =
  'id, label, data_source_id, destination_id, reconciliation_key, channel, algorithm, sealed_key, sealed_iv';

/** Data sources with their AES key and IV sealed by the master key; `list` never selects the sealed columns' plaintext. */
export class MikroOrmDataSourceRepository implements DataSourceRepository {
  constructor(
    private readonly db: SqlGateway,
    private readonly sealer: MasterKeySealer,
  ) {}

  add(org: OrgId, source: SharedDataSource): Promise<void> {
    const secret = isAes(source.encryption) ? source.encryption : null;
    const owner = `${org}/${source.id}`;

    return this.db.transaction(async (sql) => {
      if (
        (await sql.one('select id from data_sources where org = ? and id = ?', [org, source.id])) !== null
      ) {
        throw new DomainError('CONFLICT', `data source ${source.id} already exists`);
      }
      await sql.insertRows(
        'data_sources',
        [
          'org',
          'id',
          'label',
          'data_source_id',
          'destination_id',
          'reconciliation_key',
          'channel',
          'algorithm',
          'sealed_key',
          'sealed_iv',
        ],
        [
          [
            org,
            source.id,
            source.label,
            source.dataSourceId,
            source.destinationId,
            source.reconciliationKey,
            source.channel,
            source.encryption.algorithm,
            secret === null ? null : this.sealer.seal(secret.key, `${owner}/key`),
            secret === null ? null : this.sealer.seal(secret.iv, `${owner}/iv`),
          ],
        ],
      );
    });
  }

  get(org: OrgId, id: string): Promise<SharedDataSource | null> {
    return this.db.work(async (sql) => {
      const row = await sql.one<DataSourceSqlRow>(
        `select ${COLUMNS} from data_sources where org = ? and id = ?`,
        [org, id],
      );

      return row === null ? null : this.sourceOf(org, row);
    });
  }

  list(org: OrgId): Promise<SharedDataSourceSummary[]> {
    return this.db.work(async (sql) => {
      const rows = await sql.all<DataSourceSqlRow>(
        'select id, label, data_source_id, destination_id, reconciliation_key, channel, algorithm, ' +
          'null as sealed_key, null as sealed_iv from data_sources where org = ? order by id',
        [org],
      );

      return rows.map((row) => summariseDataSource(this.sourceOf(org, row)));
    });
  }

  private sourceOf(org: OrgId, row: DataSourceSqlRow): SharedDataSource {
    return {
      id: row.id,
      label: row.label,
      dataSourceId: Number(row.data_source_id),
      destinationId: row.destination_id === null ? null : Number(row.destination_id),
      reconciliationKey: row.reconciliation_key as ReconciliationKey,
      channel: row.channel as Channel,
      encryption: this.encryptionOf(org, row),
    };
  }

  private encryptionOf(org: OrgId, row: DataSourceSqlRow): Encryption {
    if (row.algorithm === 'none' || row.algorithm === 'sha256') return { algorithm: row.algorithm };

    const owner = `${org}/${row.id}`;
    const open = (sealed: string | null, part: string): string =>
      sealed === null ? '' : this.sealer.open(sealed, `${owner}/${part}`);

    return {
      algorithm: row.algorithm as AesAlgorithm,
      key: open(row.sealed_key, 'key'),
      iv: open(row.sealed_iv, 'iv'),
    };
  }
}
