import type { Page, PageRequest } from '../shared/Page.js';

/** One page of an already ordered list. */
export function pageOf<T>(items: readonly T[], page: PageRequest): Page<T> {
  return {
    items: items.slice(page.offset, page.offset + page.limit),
    total: items.length,
    offset: page.offset,
    limit: page.limit,
  };
}

/** Splits an ordered list into consecutive batches of at most `size` elements. */
export function* batchesOf<T>(items: readonly T[], size: number): Generator<T[]> {
  const step = Math.max(1, Math.floor(size));
  for (let start = 0; start < items.length; start += step) yield items.slice(start, start + step);
}

/** Orders strings by UTF-16 code unit, the order every in-memory listing uses. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Runs synchronous work as a promise, so that a thrown error becomes a rejection as an adapter's would. */
export function promised<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(work());
  });
}
