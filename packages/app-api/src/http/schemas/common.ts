import { z } from 'zod';

/** The one error shape of the API. */
export const errorSchema = z
  .object({
    code: z.string().describe('a stable error code such as NOT_FOUND or AUTH.IMS_REQUIRED'),
    message: z.string().describe('what went wrong and what to do next'),
    details: z.record(z.string(), z.unknown()),
  })
  .describe('Error');

/** Paging of a list: `offset` items skipped, at most `limit` returned. */
export const pageQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** A page of items with the total the list holds. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
  });
}

export const idParamsSchema = z.object({ id: z.string().min(1).max(200) });

/** A command that takes nothing: no body, or an empty JSON object; anything else is refused, not ignored. */
export const noBodySchema = z.strictObject({}).nullish();

/** Error responses every authenticated route may give, keyed by status. */
export const commonErrors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  429: errorSchema,
  500: errorSchema,
  503: errorSchema,
} as const;

/** A date as the API writes it: ISO 8601 in UTC. */
export const isoDate = z.iso.datetime();

export const iso = (date: Date): string => date.toISOString();

export const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString());
