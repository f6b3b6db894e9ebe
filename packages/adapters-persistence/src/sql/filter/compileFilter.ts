import type { Filter } from '@audience-bridge/domain';

import type { Fragment } from '../SqlExecutor.js';
import { fieldRefOf } from './FieldRef.js';
import type { LeafSql } from './LeafSql.js';

const joined = (parts: readonly Fragment[], operator: string, empty: string): Fragment =>
  parts.length === 0
    ? { sql: empty, params: [] }
    : {
        sql: `(${parts.map((part) => part.sql).join(` ${operator} `)})`,
        params: parts.flatMap((part) => part.params),
      };

/**
 * Translates the targeting language into a SQL condition on the `profiles` row aliased `p`. Every leaf
 * is two-valued (never NULL), so `not` is the plain complement, exactly as in the domain's `evaluateFilter`.
 */
export function compileFilter(filter: Filter, leaves: LeafSql): Fragment {
  if ('and' in filter)
    return joined(
      filter.and.map((part) => compileFilter(part, leaves)),
      'and',
      leaves.truth,
    );
  if ('or' in filter)
    return joined(
      filter.or.map((part) => compileFilter(part, leaves)),
      'or',
      leaves.falsity,
    );
  if ('not' in filter) {
    const inner = compileFilter(filter.not, leaves);

    return { sql: `(not ${inner.sql})`, params: inner.params };
  }

  const field = fieldRefOf(filter.field);
  if (filter.op === 'exists') return leaves.exists(field);
  if (filter.op === 'in') return leaves.within(field, filter.values);

  if (typeof filter.value === 'number' && Number.isNaN(filter.value))
    return { sql: leaves.falsity, params: [] };

  return leaves.compare(field, filter.op, filter.value);
}
