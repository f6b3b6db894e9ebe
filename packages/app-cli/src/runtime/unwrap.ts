import type { Page, PageRequest, Result } from '@audience-bridge/domain';

/** The value of a successful result; the error of a failed one is thrown for `runCommand` to report. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;

  return result.value;
}

/** Reads every page of a paged listing, a page at a time. */
export async function* allPages<T>(
  read: (page: PageRequest) => Promise<Result<Page<T>>>,
  limit = 5000,
): AsyncGenerator<readonly T[]> {
  for (let offset = 0; ; offset += limit) {
    const page = unwrap(await read({ offset, limit }));
    if (page.items.length > 0) yield page.items;
    if (page.items.length < limit || offset + limit >= page.total) return;
  }
}

/** A paging option as a non-negative integer, or a usage error naming the flag. */
export function pageOption(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0)
    throw new Error(`${flag} takes a whole number, got "${value}"`);

  return parsed;
}
