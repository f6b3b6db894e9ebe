import type { Dialect, Fragment } from './SqlExecutor.js';

/**
 * `expr in (<values>)` with the whole list bound as ONE JSON parameter, so that any number of values
 * fits in one statement whatever the driver's bound-parameter limit.
 */
export function inList(dialect: Dialect, expr: string, values: readonly string[]): Fragment {
  return dialect === 'sqlite'
    ? { sql: `${expr} in (select value from json_each(?))`, params: [JSON.stringify(values)] }
    : {
        sql: `(${expr}) collate "C" in (select jsonb_array_elements_text(?::jsonb))`,
        params: [JSON.stringify(values)],
      };
}

/** A table expression yielding `value` (text) and `idx` (position) for each element of a JSON list parameter. */
export function listTable(dialect: Dialect, alias: string): string {
  return dialect === 'sqlite'
    ? `(select value, key as idx from json_each(?)) ${alias}`
    : `(select value, idx from jsonb_array_elements_text(?::jsonb) with ordinality as e(value, idx)) ${alias}`;
}

/** `?, ?, ?` for a short list bound value by value. */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');
