import { z } from 'zod';

import { filterSchema, type Filter } from '../targeting/Filter.js';

const activityId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'an activity id is a letter then letters, digits, _ or -');

const reconciliationKeySchema = z.union([
  z.enum(['visitorId', 'email', 'mobilePhone']),
  z.string().regex(/^custom:[A-Za-z_][A-Za-z0-9_]{0,63}$/),
]) as z.ZodType<'visitorId' | 'email' | 'mobilePhone' | `custom:${string}`>;

/** Where a shared save audience writes: an existing shared audience, or a new segment. */
export type ShareTarget =
  { readonly sharedAudienceId: string } | { readonly createSegment: { readonly name: string } };

export type Activity =
  | { readonly id: string; readonly type: 'query'; readonly filter: Filter }
  | { readonly id: string; readonly type: 'readAudience'; readonly audienceId: string }
  | { readonly id: string; readonly type: 'union' | 'intersection'; readonly inputs: readonly string[] }
  | {
      readonly id: string;
      readonly type: 'exclusion';
      readonly input: string;
      readonly exclude: readonly string[];
    }
  | {
      readonly id: string;
      readonly type: 'reconcile';
      readonly input: string;
      readonly key: 'visitorId' | 'email' | 'mobilePhone' | `custom:${string}`;
    }
  | {
      readonly id: string;
      readonly type: 'saveAudience';
      readonly input: string;
      /** A plain save: a list audience, created by label or updated by id. */
      readonly audience?: {
        readonly label: string;
        readonly audienceId?: string;
        readonly mode: 'replace' | 'append';
      };
      /** A shared save: export to People core. */
      readonly share?: {
        readonly target: ShareTarget;
        readonly dataSourceId: string;
        readonly outboundTransition: boolean;
      };
    };

/** A saved targeting workflow: a graph of activities, each naming its inputs. */
export interface WorkflowDocument {
  readonly name: string;
  readonly activities: readonly Activity[];
}

export const activitySchema: z.ZodType<Activity> = z.discriminatedUnion('type', [
  z.strictObject({ id: activityId, type: z.literal('query'), filter: filterSchema }),
  z.strictObject({ id: activityId, type: z.literal('readAudience'), audienceId: z.string().min(1) }),
  z.strictObject({
    id: activityId,
    type: z.enum(['union', 'intersection']),
    inputs: z.array(activityId).min(2),
  }),
  z.strictObject({
    id: activityId,
    type: z.literal('exclusion'),
    input: activityId,
    exclude: z.array(activityId).min(1),
  }),
  z.strictObject({
    id: activityId,
    type: z.literal('reconcile'),
    input: activityId,
    key: reconciliationKeySchema,
  }),
  z
    .strictObject({
      id: activityId,
      type: z.literal('saveAudience'),
      input: activityId,
      audience: z
        .strictObject({
          label: z.string().min(1).max(128),
          audienceId: z.string().min(1).optional(),
          mode: z.enum(['replace', 'append']),
        })
        .optional(),
      share: z
        .strictObject({
          target: z.union([
            z.strictObject({ sharedAudienceId: z.string().min(1) }),
            z.strictObject({ createSegment: z.strictObject({ name: z.string().min(1).max(255) }) }),
          ]),
          dataSourceId: z.string().min(1),
          outboundTransition: z.boolean(),
        })
        .optional(),
    })
    .refine((save) => (save.audience === undefined) !== (save.share === undefined), {
      error: 'a saveAudience activity has exactly one of audience (a list) or share (an export)',
    }),
]) as unknown as z.ZodType<Activity>;

export const workflowDocumentSchema: z.ZodType<WorkflowDocument> = z.strictObject({
  name: z.string().min(1).max(128),
  activities: z.array(activitySchema).min(1).max(200),
});
