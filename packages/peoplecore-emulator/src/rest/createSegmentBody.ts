import { z } from 'zod';

/** The body of `POST /v1/segments`: what AAM requires to create a segment. */
export const createSegmentBodySchema = z.object({
  name: z.string().trim().min(1).max(255),
  description: z.string().max(1000).optional(),
  segmentRule: z.string().trim().min(1).max(10_000),
  folderId: z.int().min(0),
  dataSourceId: z.int().positive(),
  mergeRuleDataSourceId: z.int().positive(),
  integrationCode: z.string().trim().min(1).max(255).optional(),
  status: z.enum(['ACTIVE', 'INACTIVE']).optional(),
});

export type CreateSegmentBody = z.output<typeof createSegmentBodySchema>;
