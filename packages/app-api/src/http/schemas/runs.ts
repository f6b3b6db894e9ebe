import type { Run, RunRecord } from '@audience-bridge/domain';
import { z } from 'zod';

import { iso, isoDate, isoOrNull } from './common.js';

const countsSchema = z.object({
  input: z.number().int(),
  imported: z.number().int(),
  exported: z.number().int(),
  unreconciled: z.number().int(),
  ignored: z.number().int(),
  alreadyPresent: z.number().int(),
  rejected: z.number().int(),
  ambiguous: z.number().int(),
  members: z.number().int(),
});

export const runKindSchema = z.enum(['import', 'export', 'profiles']);

export const recordCategorySchema = z.enum(['rejected', 'unreconciled', 'ignored', 'ambiguous']);

/** A run with its report. */
export const runSchema = z
  .object({
    id: z.string(),
    kind: runKindSchema,
    subjectId: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    startedBy: z.string(),
    startedAt: isoDate,
    finishedAt: isoDate.nullable(),
    report: z
      .object({
        counts: countsSchema,
        activities: z.record(z.string(), z.number()),
        topReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
        receipts: z.array(z.string()),
        durationMs: z.number(),
      })
      .nullable(),
    error: z.string().nullable(),
  })
  .describe('Run');

export const runRecordSchema = z.object({
  category: recordCategorySchema,
  value: z.string(),
  reason: z.string(),
});

export type RunDto = z.infer<typeof runSchema>;

/** A run as the API answers it. */
export function toRunDto(run: Run): RunDto {
  return {
    ...run,
    startedAt: iso(run.startedAt),
    finishedAt: isoOrNull(run.finishedAt),
    report:
      run.report === null
        ? null
        : {
            ...run.report,
            activities: { ...run.report.activities },
            topReasons: [...run.report.topReasons],
            receipts: [...run.report.receipts],
          },
  };
}

export const toRecordDto = (record: RunRecord): z.infer<typeof runRecordSchema> => ({ ...record });
