import { EntitySchema } from '@mikro-orm/core';

/** A segment ID staged by a reconciliation session, once per raw ID (unlogged on PostgreSQL: scratch data). */
export interface ReconciliationStagingRow {
  org: string;
  sessionId: string;
  raw: string;
  field: string;
  value: string;
}

/** Maps `reconciliation_staging`. */
export const ReconciliationStagingEntity = new EntitySchema<ReconciliationStagingRow>({
  name: 'ReconciliationStagingRow',
  tableName: 'reconciliation_staging',
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    sessionId: { type: 'string', columnType: 'text', primary: true, fieldName: 'session_id' },
    raw: { type: 'string', columnType: 'text', primary: true },
    field: { type: 'string', columnType: 'text' },
    value: { type: 'string', columnType: 'text' },
  },
});
