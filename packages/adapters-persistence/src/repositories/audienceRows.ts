import type {
  Audience,
  AudienceDraft,
  AudienceType,
  Filter,
  ImportSource,
  OrgId,
} from '@audience-bridge/domain';

import {
  readCount,
  readDate,
  readNullableDate,
  readNullableJson,
  writeDate,
  writeJson,
} from '../sql/values.js';

export const AUDIENCE_COLUMNS =
  'id, label, type, source, filter, version, member_count, created_by, created_at, last_synced_at';

export interface AudienceSqlRow {
  id: string;
  label: string;
  type: string;
  source: unknown;
  filter: unknown;
  version: unknown;
  member_count: unknown;
  created_by: string;
  created_at: unknown;
  last_synced_at: unknown;
}

/** A stored row as the domain's audience. */
export function audienceOf(row: AudienceSqlRow): Audience {
  return {
    id: row.id,
    label: row.label,
    type: row.type as AudienceType,
    source: readNullableJson(row.source) as ImportSource | null,
    filter: readNullableJson(row.filter) as Filter | null,
    version: readCount(row.version),
    memberCount: readCount(row.member_count),
    createdBy: row.created_by,
    createdAt: readDate(row.created_at),
    lastSyncedAt: readNullableDate(row.last_synced_at),
  };
}

export const AUDIENCE_INSERT_COLUMNS = [
  'org',
  'id',
  'label',
  'type',
  'source',
  'filter',
  'version',
  'generation',
  'last_generation',
  'member_count',
  'created_by',
  'created_at',
  'last_synced_at',
];

/** The values of a new audience row: version 0, no members. */
export function audienceValues(org: OrgId, draft: AudienceDraft): unknown[] {
  return [
    org,
    draft.id,
    draft.label,
    draft.type,
    writeJson(draft.source),
    writeJson(draft.filter),
    0,
    0,
    0,
    0,
    draft.createdBy,
    writeDate(draft.createdAt),
    null,
  ];
}
