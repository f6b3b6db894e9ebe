import { EntitySchema } from '@mikro-orm/core';

/** One member of one population of a workflow run. */
export interface PopulationMemberRow {
  org: string;
  runId: string;
  node: string;
  member: string;
}

/** Maps `population_members` (unlogged on PostgreSQL: populations live only for their run). */
export const PopulationMemberEntity = new EntitySchema<PopulationMemberRow>({
  name: 'PopulationMemberRow',
  tableName: 'population_members',
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    runId: { type: 'string', columnType: 'text', primary: true, fieldName: 'run_id' },
    node: { type: 'string', columnType: 'text', primary: true },
    member: { type: 'string', columnType: 'text', primary: true },
  },
});
