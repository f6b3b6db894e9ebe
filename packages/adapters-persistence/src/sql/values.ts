/** Reads a JSON column: SQLite returns text, PostgreSQL's jsonb arrives parsed. */
export function readJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** Reads a JSON column that may be SQL NULL. */
export function readNullableJson(value: unknown): unknown {
  return value === null || value === undefined ? null : readJson(value);
}

/** Writes a JSON column; PostgreSQL casts the text to jsonb on insert. */
export const writeJson = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

/** Reads a timestamp column: SQLite keeps ISO text, PostgreSQL returns a Date. */
export function readDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function readNullableDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : readDate(value);
}

/** Writes a timestamp as ISO-8601 text, which sorts chronologically on SQLite and parses on PostgreSQL. */
export const writeDate = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** Reads a flag: SQLite stores 0/1, PostgreSQL a boolean. */
export const readFlag = (value: unknown): boolean => value === true || value === 1 || value === '1';

/** Reads an integer that PostgreSQL may return as text (bigint aggregates). */
export const readCount = (value: unknown): number => Number(value ?? 0);
