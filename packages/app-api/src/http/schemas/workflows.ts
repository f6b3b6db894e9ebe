import type { SavedWorkflow } from '@audience-bridge/domain';
import { z } from 'zod';

import { iso, isoDate } from './common.js';

const activityTypes = [
  'query',
  'readAudience',
  'union',
  'intersection',
  'exclusion',
  'reconcile',
  'saveAudience',
] as const;

/**
 * A workflow document as the body carries it. Only its outline is checked here; the domain checks
 * the whole document and answers WORKFLOW.INVALID with every problem it finds.
 */
export const workflowDocumentBodySchema = z
  .looseObject({
    name: z.string().min(1).max(128),
    activities: z
      .array(z.looseObject({ id: z.string(), type: z.enum(activityTypes) }))
      .min(1)
      .max(200),
  })
  .describe('WorkflowDocument');

export const savedWorkflowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    document: z.unknown(),
    version: z.number().int(),
    createdBy: z.string(),
    updatedBy: z.string(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .describe('Workflow');

/** The dry run of a workflow: problems, or the plan with an estimated population per activity. */
export const validationSchema = z.object({
  valid: z.boolean(),
  problems: z.array(z.string()),
  activities: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      kind: z.enum(['profiles', 'addresses', 'unknown']),
      /** What the activity would produce if the workflow started now, computed without writing anything. */
      estimatedCount: z.number().int(),
    }),
  ),
});

/** A saved workflow as the API answers it. */
export function toWorkflowDto(saved: SavedWorkflow): z.infer<typeof savedWorkflowSchema> {
  return { ...saved, createdAt: iso(saved.createdAt), updatedAt: iso(saved.updatedAt) };
}
