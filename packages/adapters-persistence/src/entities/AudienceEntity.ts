import { EntitySchema } from '@mikro-orm/core';

/**
 * An audience. `version` is the public member-set version; `generation` names the stored member rows readers
 * see and `lastGeneration` the highest generation ever started, so an abandoned replace never costs a version.
 */
export interface AudienceRow {
  org: string;
  id: string;
  label: string;
  type: string;
  source: unknown;
  filter: unknown;
  version: number;
  generation: number;
  lastGeneration: number;
  memberCount: number;
  createdBy: string;
  createdAt: Date;
  lastSyncedAt: Date | null;
}

/** Maps `audiences`. */
export const AudienceEntity = new EntitySchema<AudienceRow>({
  name: 'AudienceRow',
  tableName: 'audiences',
  indexes: [{ name: 'audiences_org_created', properties: ['org', 'createdAt', 'id'] }],
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    id: { type: 'string', columnType: 'text', primary: true },
    label: { type: 'string', columnType: 'text' },
    type: { type: 'string', columnType: 'text' },
    source: { type: 'json', nullable: true },
    filter: { type: 'json', nullable: true },
    version: { type: 'integer' },
    generation: { type: 'integer' },
    lastGeneration: { type: 'integer', fieldName: 'last_generation' },
    memberCount: { type: 'integer', fieldName: 'member_count' },
    createdBy: { type: 'string', columnType: 'text', fieldName: 'created_by' },
    createdAt: { type: 'datetime', fieldName: 'created_at' },
    lastSyncedAt: { type: 'datetime', nullable: true, fieldName: 'last_synced_at' },
  },
});
