import { EntitySchema } from '@mikro-orm/core';

/** A run with its JSON report. */
export interface RunRow {
  org: string;
  id: string;
  kind: string;
  subjectId: string;
  status: string;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
  report: unknown;
  error: string | null;
}

/** Maps `runs`. */
export const RunEntity = new EntitySchema<RunRow>({
  name: 'RunRow',
  tableName: 'runs',
  indexes: [{ name: 'runs_org_started', properties: ['org', 'startedAt', 'id'] }],
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    id: { type: 'string', columnType: 'text', primary: true },
    kind: { type: 'string', columnType: 'text' },
    subjectId: { type: 'string', columnType: 'text', fieldName: 'subject_id' },
    status: { type: 'string', columnType: 'text' },
    startedBy: { type: 'string', columnType: 'text', fieldName: 'started_by' },
    startedAt: { type: 'datetime', fieldName: 'started_at' },
    finishedAt: { type: 'datetime', nullable: true, fieldName: 'finished_at' },
    report: { type: 'json', nullable: true },
    error: { type: 'string', columnType: 'text', nullable: true },
  },
});
