import { EntitySchema } from '@mikro-orm/core';

/** A staged raw ID and one profile it matched, written by the session's single join. */
export interface ReconciliationMatchRow {
  org: string;
  sessionId: string;
  raw: string;
  profileId: number;
}

/** Maps `reconciliation_matches`. */
export const ReconciliationMatchEntity = new EntitySchema<ReconciliationMatchRow>({
  name: 'ReconciliationMatchRow',
  tableName: 'reconciliation_matches',
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    sessionId: { type: 'string', columnType: 'text', primary: true, fieldName: 'session_id' },
    raw: { type: 'string', columnType: 'text', primary: true },
    profileId: { type: 'integer', primary: true, fieldName: 'profile_id' },
  },
});
