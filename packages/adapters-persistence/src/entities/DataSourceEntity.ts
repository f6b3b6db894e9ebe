import { EntitySchema } from '@mikro-orm/core';

/** A shared data source; its AES key and IV are stored only sealed with the master key. */
export interface DataSourceRow {
  org: string;
  id: string;
  label: string;
  dataSourceId: number;
  destinationId: number | null;
  reconciliationKey: string;
  channel: string;
  algorithm: string;
  sealedKey: string | null;
  sealedIv: string | null;
}

/** Maps `data_sources`. */
export const DataSourceEntity = new EntitySchema<DataSourceRow>({
  name: 'DataSourceRow',
  tableName: 'data_sources',
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    id: { type: 'string', columnType: 'text', primary: true },
    label: { type: 'string', columnType: 'text' },
    dataSourceId: { type: 'integer', fieldName: 'data_source_id' },
    destinationId: { type: 'integer', nullable: true, fieldName: 'destination_id' },
    reconciliationKey: { type: 'string', columnType: 'text', fieldName: 'reconciliation_key' },
    channel: { type: 'string', columnType: 'text' },
    algorithm: { type: 'string', columnType: 'text' },
    sealedKey: { type: 'string', columnType: 'text', nullable: true, fieldName: 'sealed_key' },
    sealedIv: { type: 'string', columnType: 'text', nullable: true, fieldName: 'sealed_iv' },
  },
});
