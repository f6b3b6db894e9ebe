import fc from 'fast-check';

import type { ComparisonOp, FieldPath, Filter, Scalar } from '../../targeting/Filter.js';
import { attributeNames, customKeyNames, customKeyPool, emailPool, phonePool } from './profiles.js';
import { visitorIdPool } from './visitorIds.js';

/** Every field path of generated profiles, plus one attribute no profile has. */
export const fieldPaths: readonly FieldPath[] = [
  'key',
  'email',
  'mobilePhone',
  'visitorId',
  'optOut.all',
  'optOut.email',
  'optOut.sms',
  ...attributeNames.map((name): FieldPath => `attributes.${name}`),
  'attributes.missing',
  ...customKeyNames.map((name): FieldPath => `customKeys.${name}`),
];

export const fieldPathArb: fc.Arbitrary<FieldPath> = fc.constantFrom(...fieldPaths);

const comparisonOps: readonly ComparisonOp[] = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'contains',
  'startsWith',
];

/** Literals drawn from the same pools as profile values, so that comparisons often hold. */
export const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  fc.integer({ min: -3, max: 60 }),
  fc.boolean(),
  fc.constantFrom('Paris', 'Lyon', 'P-1', 'person', 'a', '', 'Z', 'a😀', 'a\uffff'),
  fc.constantFrom(...emailPool, ...phonePool, ...customKeyPool, ...visitorIdPool.slice(0, 3)),
);

/** A comparison, `in` or `exists` on one field. */
export const leafFilterArb: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({ field: fieldPathArb, op: fc.constantFrom(...comparisonOps), value: scalarArb }),
  fc.record({
    field: fieldPathArb,
    op: fc.constant('in' as const),
    values: fc.array(scalarArb, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ field: fieldPathArb, op: fc.constant('exists' as const) }),
);

/** Filters of bounded depth over the generated profiles' fields: and, or, not and leaves. */
export const filterArb = (maxDepth = 3): fc.Arbitrary<Filter> =>
  fc.letrec<{ filter: Filter }>((tie) => ({
    filter: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      leafFilterArb,
      fc.record({ and: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ or: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('filter') }),
    ),
  })).filter;
