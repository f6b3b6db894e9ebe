import type { ComparisonOp, Scalar } from '@audience-bridge/domain';

import type { Fragment } from '../SqlExecutor.js';
import type { FieldRef } from './FieldRef.js';

/** The dialect-specific SQL of one filter leaf; every fragment is a boolean that is never NULL. */
export interface LeafSql {
  readonly truth: string;
  readonly falsity: string;
  exists(field: FieldRef): Fragment;
  compare(field: FieldRef, op: ComparisonOp, literal: Scalar): Fragment;
  within(field: FieldRef, values: readonly Scalar[]): Fragment;
}

/** SQL operators of the ordering comparisons shared by both dialects. */
export const orderingOperators: Readonly<Partial<Record<ComparisonOp, string>>> = {
  eq: '=',
  neq: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

/** Splits `in` literals by type: the reference only matches a value against literals of its own type. */
export function literalsByType(values: readonly Scalar[]): {
  strings: string[];
  numbers: number[];
  booleans: boolean[];
} {
  return {
    strings: values.filter((value): value is string => typeof value === 'string'),
    numbers: values.filter((value): value is number => typeof value === 'number' && !Number.isNaN(value)),
    booleans: [...new Set(values.filter((value): value is boolean => typeof value === 'boolean'))],
  };
}
