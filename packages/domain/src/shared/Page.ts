/** A window into a longer ordered list. */
export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

export const defaultPage: PageRequest = { offset: 0, limit: 50 };
