import type { ComparisonOp, Scalar } from '@audience-bridge/domain';

import type { Fragment } from '../SqlExecutor.js';
import type { FieldRef } from './FieldRef.js';
import { literalsByType, orderingOperators, type LeafSql } from './LeafSql.js';

const FALSE: Fragment = { sql: 'false', params: [] };

/** Text compared under the "C" collation: byte order of UTF-8, which is Unicode code-point order. */
const collated = (expr: string): string => `(${expr}) collate "C"`;

const never = (test: Fragment): Fragment => ({ sql: `coalesce(${test.sql}, false)`, params: test.params });

function stringTest(expr: string, op: ComparisonOp, literal: string): Fragment | null {
  if (op === 'contains') return { sql: `strpos(${expr}, ?) > 0`, params: [literal] };
  if (op === 'startsWith') return { sql: `starts_with(${expr}, ?)`, params: [literal] };
  const operator = orderingOperators[op];

  return operator === undefined ? null : { sql: `${collated(expr)} ${operator} ?`, params: [literal] };
}

function booleanTest(op: ComparisonOp, literal: boolean): boolean | null {
  if (op === 'eq') return literal;
  if (op === 'neq') return !literal;

  return null;
}

/** A test that may only run once the JSON type is known: CASE keeps PostgreSQL from casting other types. */
function guarded(field: Extract<FieldRef, { kind: 'json' }>, type: string, test: Fragment): Fragment {
  return {
    sql: `(case when jsonb_typeof(${field.column} -> ?) = '${type}' then coalesce(${test.sql}, false) else false end)`,
    params: [field.name, ...test.params],
  };
}

function compareJson(
  field: Extract<FieldRef, { kind: 'json' }>,
  op: ComparisonOp,
  literal: Scalar,
): Fragment {
  if (typeof literal === 'boolean') {
    const wanted = booleanTest(op, literal);

    return wanted === null
      ? FALSE
      : never({ sql: `(${field.column} -> ?) = ?::jsonb`, params: [field.name, String(wanted)] });
  }
  if (typeof literal === 'string') {
    const test = stringTest(`${field.column} ->> ?`, op, literal);

    return test === null
      ? FALSE
      : guarded(field, 'string', { sql: test.sql, params: [field.name, ...test.params] });
  }
  const operator = orderingOperators[op];
  if (operator === undefined) return FALSE;

  return guarded(field, 'number', {
    sql: `(${field.column} ->> ?)::float8 ${operator} ?::float8`,
    params: [field.name, literal],
  });
}

function withinJson(field: Extract<FieldRef, { kind: 'json' }>, values: readonly Scalar[]): Fragment[] {
  const { strings, numbers, booleans } = literalsByType(values);
  const parts: Fragment[] = [];
  if (strings.length > 0) {
    const test = {
      sql: `${collated(`${field.column} ->> ?`)} in (select jsonb_array_elements_text(?::jsonb))`,
      params: [field.name, JSON.stringify(strings)],
    };
    parts.push(guarded(field, 'string', test));
  }
  if (numbers.length > 0) {
    const test = {
      sql: `(${field.column} ->> ?)::float8 in (select e.value::float8 from jsonb_array_elements_text(?::jsonb) as e(value))`,
      params: [field.name, JSON.stringify(numbers)],
    };
    parts.push(guarded(field, 'number', test));
  }
  if (booleans.length > 0) {
    parts.push(
      never({
        sql: `(${field.column} -> ?) in (select jsonb_array_elements(?::jsonb))`,
        params: [field.name, JSON.stringify(booleans)],
      }),
    );
  }

  return parts;
}

/** The filter leaves on PostgreSQL: `jsonb_typeof` for typed JSON, CASE-guarded casts, "C" collation. */
export const postgresLeaves: LeafSql = {
  truth: 'true',
  falsity: 'false',

  exists(field) {
    if (field.kind === 'text') return { sql: `(${field.column} is not null)`, params: [] };
    if (field.kind === 'flag') return { sql: 'true', params: [] };

    return never({ sql: `jsonb_typeof(${field.column} -> ?) <> 'null'`, params: [field.name] });
  },

  compare(field, op, literal) {
    if (field.kind === 'json') return compareJson(field, op, literal);
    if (field.kind === 'flag') {
      const wanted = typeof literal === 'boolean' ? booleanTest(op, literal) : null;

      return wanted === null ? FALSE : { sql: `(${field.column} = ${String(wanted)})`, params: [] };
    }
    const test = typeof literal === 'string' ? stringTest(field.column, op, literal) : null;

    return test === null ? FALSE : never(test);
  },

  within(field, values) {
    const { strings, booleans } = literalsByType(values);
    let parts: Fragment[];
    if (field.kind === 'json') parts = withinJson(field, values);
    else if (field.kind === 'flag') {
      parts =
        booleans.length === 0
          ? []
          : [{ sql: `(${field.column} in (${booleans.map(String).join(', ')}))`, params: [] }];
    } else {
      parts =
        strings.length === 0
          ? []
          : [
              never({
                sql: `${collated(field.column)} in (select jsonb_array_elements_text(?::jsonb))`,
                params: [JSON.stringify(strings)],
              }),
            ];
    }

    return parts.length === 0
      ? FALSE
      : {
          sql: `(${parts.map((part) => part.sql).join(' or ')})`,
          params: parts.flatMap((part) => part.params),
        };
  },
};
