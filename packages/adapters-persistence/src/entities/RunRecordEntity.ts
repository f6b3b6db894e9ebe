import { EntitySchema } from '@mikro-orm/core';

/** A record a run did not import or export; `id` keeps the order records were added in. */
export interface RunRecordRow {
  id: number;
  org: string;
  runId: string;
  category: string;
  value: string;
  reason: string;
}

/** Maps `run_records`. */
export const RunRecordEntity = new EntitySchema<RunRecordRow>({
  name: 'RunRecordRow',
  tableName: 'run_records',
  indexes: [{ name: 'run_records_run', properties: ['org', 'runId', 'category', 'id'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    org: { type: 'string', columnType: 'text' },
    runId: { type: 'string', columnType: 'text', fieldName: 'run_id' },
    category: { type: 'string', columnType: 'text' },
    value: { type: 'string', columnType: 'text' },
    reason: { type: 'string', columnType: 'text' },
  },
});
