import type { OrgId, Populations, TargetingStore } from '@audience-bridge/domain';

import type { SqlGateway } from '../sql/SqlGateway.js';
import { SqlPopulations } from './SqlPopulations.js';

/** Workflow populations as rows beside the profiles, so that queries and set operations run set-based. */
export class MikroOrmTargetingStore implements TargetingStore {
  constructor(private readonly db: SqlGateway) {}

  open(org: OrgId, runId: string): Promise<Populations> {
    return Promise.resolve(new SqlPopulations(this.db, org, runId));
  }
}
