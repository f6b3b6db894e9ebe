import { z } from 'zod';

const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(0).optional(),
  pageSize: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** A page of a listing, shaped like AAM's paged answers. */
export interface PagedList<T> {
  readonly list: T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

/**
 * AAM's listing convention: without `page` or `pageSize` the whole list as a bare array; with
 * either, the wrapper (page 0 and page size 10 by default). `null` when the paging is invalid.
 */
export function pageOf<T>(items: readonly T[], query: unknown): T[] | PagedList<T> | null {
  const parsed = pageQuerySchema.safeParse(query ?? {});
  if (!parsed.success) return null;

  const { page, pageSize } = parsed.data;
  if (page === undefined && pageSize === undefined) return [...items];

  const current = page ?? 0;
  const size = pageSize ?? 10;

  return {
    list: items.slice(current * size, (current + 1) * size),
    page: current,
    pageSize: size,
    total: items.length,
  };
}
