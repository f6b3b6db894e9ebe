import type { ComparisonOp, Scalar } from '@audience-bridge/domain';

import type { Fragment } from '../SqlExecutor.js';
import type { FieldRef } from './FieldRef.js';
import { literalsByType, orderingOperators, type LeafSql } from './LeafSql.js';

const FALSE: Fragment = { sql: '0', params: [] };

const jsonPath = (name: string): string => `$.${name}`;

/** `json_type` names per literal type; BINARY text comparison on UTF-8 is code-point order. */
const JSON_TYPES = { string: `('text')`, number: `('integer', 'real')` } as const;

function stringTest(expr: string, op: ComparisonOp, literal: string): Fragment | null {
  if (op === 'contains') return { sql: `instr(${expr}, ?) > 0`, params: [literal] };
  if (op === 'startsWith') return { sql: `substr(${expr}, 1, length(?)) = ?`, params: [literal, literal] };
  const operator = orderingOperators[op];

  return operator === undefined ? null : { sql: `${expr} ${operator} ?`, params: [literal] };
}

function booleanTest(op: ComparisonOp, literal: boolean): boolean | null {
  if (op === 'eq') return literal;
  if (op === 'neq') return !literal;

  return null;
}

const never = (test: Fragment): Fragment => ({ sql: `coalesce(${test.sql}, 0)`, params: test.params });

function compareJson(
  field: Extract<FieldRef, { kind: 'json' }>,
  op: ComparisonOp,
  literal: Scalar,
): Fragment {
  const path = jsonPath(field.name);
  if (typeof literal === 'boolean') {
    const wanted = booleanTest(op, literal);

    return wanted === null
      ? FALSE
      : never({ sql: `json_type(${field.column}, ?) = ?`, params: [path, String(wanted)] });
  }
  const value = `json_extract(${field.column}, ?)`;
  const test = typeof literal === 'string' ? stringTest(value, op, literal) : numberTest(value, op, literal);
  if (test === null) return FALSE;

  return never({
    sql: `json_type(${field.column}, ?) in ${JSON_TYPES[typeof literal === 'string' ? 'string' : 'number']} and ${test.sql}`,
    params: [path, path, ...test.params],
  });
}

function numberTest(expr: string, op: ComparisonOp, literal: number): Fragment | null {
  const operator = orderingOperators[op];

  return operator === undefined ? null : { sql: `${expr} ${operator} ?`, params: [literal] };
}

function withinJson(field: Extract<FieldRef, { kind: 'json' }>, values: readonly Scalar[]): Fragment[] {
  const path = jsonPath(field.name);
  const { strings, numbers, booleans } = literalsByType(values);
  const listed = (types: string, list: readonly unknown[]): Fragment =>
    never({
      sql: `json_type(${field.column}, ?) in ${types} and json_extract(${field.column}, ?) in (select value from json_each(?))`,
      params: [path, path, JSON.stringify(list)],
    });
  const parts: Fragment[] = [];
  if (strings.length > 0) parts.push(listed(JSON_TYPES.string, strings));
  if (numbers.length > 0) parts.push(listed(JSON_TYPES.number, numbers));
  if (booleans.length > 0) {
    parts.push(
      never({
        sql: `json_type(${field.column}, ?) in (select value from json_each(?))`,
        params: [path, JSON.stringify(booleans.map(String))],
      }),
    );
  }

  return parts;
}

/** The filter leaves on SQLite: `json_type`/`json_extract` for typed JSON, flags stored as 0/1. */
export const sqliteLeaves: LeafSql = {
  truth: '1',
  falsity: '0',

  exists(field) {
    if (field.kind === 'text') return { sql: `(${field.column} is not null)`, params: [] };
    if (field.kind === 'flag') return { sql: '1', params: [] };

    return never({ sql: `json_type(${field.column}, ?) <> 'null'`, params: [jsonPath(field.name)] });
  },

  compare(field, op, literal) {
    if (field.kind === 'json') return compareJson(field, op, literal);
    if (field.kind === 'flag') {
      const wanted = typeof literal === 'boolean' ? booleanTest(op, literal) : null;

      return wanted === null ? FALSE : { sql: `(${field.column} = ${wanted ? 1 : 0})`, params: [] };
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
          : [{ sql: `(${field.column} in (${booleans.map((b) => (b ? 1 : 0)).join(', ')}))`, params: [] }];
    } else {
      parts =
        strings.length === 0
          ? []
          : [
              never({
                sql: `${field.column} in (select value from json_each(?))`,
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
