import type { Audience } from '@audience-bridge/domain';
import { z } from 'zod';

import { iso, isoDate, isoOrNull } from './common.js';

export const audienceTypeSchema = z.enum(['list', 'query', 'file', 'shared']);

/** A campaign audience; a query audience's filter is returned as stored. */
export const audienceSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    type: audienceTypeSchema,
    source: z
      .object({
        sharedAudienceId: z.string(),
        dataSourceId: z.string(),
        forceReconciliation: z.boolean(),
        path: z.enum(['reconcile', 'decrypt-to-file']),
      })
      .nullable(),
    filter: z.unknown(),
    version: z.number().int(),
    memberCount: z.number().int(),
    createdBy: z.string(),
    createdAt: isoDate,
    lastSyncedAt: isoDate.nullable(),
  })
  .describe('Audience');

export const createImportSchema = z.object({
  label: z.string().min(1).max(128),
  sharedAudienceId: z.string().min(1),
  dataSourceId: z.string().min(1),
  forceReconciliation: z.boolean().default(false),
});

export type AudienceDto = z.infer<typeof audienceSchema>;

/** An audience as the API answers it. */
export function toAudienceDto(audience: Audience): AudienceDto {
  return {
    ...audience,
    source: audience.source === null ? null : { ...audience.source },
    createdAt: iso(audience.createdAt),
    lastSyncedAt: isoOrNull(audience.lastSyncedAt),
  };
}
