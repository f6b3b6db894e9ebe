import { randomUUID } from 'node:crypto';

import {
  DomainError,
  type OrgId,
  type ReconciliationSession,
  type ReconciliationStore,
} from '@audience-bridge/domain';

import type { SqlGateway } from '../sql/SqlGateway.js';
import { SqlReconciliationSession } from './SqlReconciliationSession.js';
import { openStagingArea } from './StagingArea.js';

/** Reconciliation inside the database: staged IDs meet `profile_keys` in one join per session. */
export class MikroOrmReconciliationStore implements ReconciliationStore {
  constructor(private readonly db: SqlGateway) {}

  async begin(org: OrgId, audienceId: string): Promise<ReconciliationSession> {
    const audience = await this.db.work((sql) =>
      sql.one('select id from audiences where org = ? and id = ?', [org, audienceId]),
    );
    if (audience === null) throw DomainError.notFound('audience', audienceId);

    const area = await openStagingArea(this.db, org, randomUUID());

    return new SqlReconciliationSession(this.db, org, audienceId, area);
  }
}
