import { EntitySchema } from '@mikro-orm/core';

/** The kind of one population (a workflow activity's output) of a run. */
export interface PopulationNodeRow {
  org: string;
  runId: string;
  node: string;
  kind: string;
}

/** Maps `population_nodes`. */
export const PopulationNodeEntity = new EntitySchema<PopulationNodeRow>({
  name: 'PopulationNodeRow',
  tableName: 'population_nodes',
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    runId: { type: 'string', columnType: 'text', primary: true, fieldName: 'run_id' },
    node: { type: 'string', columnType: 'text', primary: true },
    kind: { type: 'string', columnType: 'text' },
  },
});
