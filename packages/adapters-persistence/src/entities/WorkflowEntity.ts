import { EntitySchema } from '@mikro-orm/core';

/** A saved workflow document with its version. */
export interface WorkflowRow {
  org: string;
  id: string;
  name: string;
  document: unknown;
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Maps `workflows`. */
export const WorkflowEntity = new EntitySchema<WorkflowRow>({
  name: 'WorkflowRow',
  tableName: 'workflows',
  indexes: [{ name: 'workflows_org_created', properties: ['org', 'createdAt', 'id'] }],
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    id: { type: 'string', columnType: 'text', primary: true },
    name: { type: 'string', columnType: 'text' },
    document: { type: 'json' },
    version: { type: 'integer' },
    createdBy: { type: 'string', columnType: 'text', fieldName: 'created_by' },
    updatedBy: { type: 'string', columnType: 'text', fieldName: 'updated_by' },
    createdAt: { type: 'datetime', fieldName: 'created_at' },
    updatedAt: { type: 'datetime', fieldName: 'updated_at' },
  },
});
