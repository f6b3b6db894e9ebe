import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';

import {
  compareCodePoints,
  evaluateFilter,
  exclusionOf,
  fieldValue,
  intersectionOf,
  unionOf,
  type Filter,
  type Profile,
} from '../../src/index.js';
import { fieldPathArb, filterArb, profileArb, profilesArb, scalarArb } from '../../src/testing/index.js';

const selected = (filter: Filter, profiles: readonly Profile[]): string[] =>
  profiles.filter((profile) => evaluateFilter(filter, profile)).map(({ key }) => key);

const codePoints = (text: string): number[] => Array.from(text, (char) => char.codePointAt(0) ?? 0);

/** The obvious code point order: compare the strings' code point sequences (a lone surrogate is its own). */
function byCodePoints(a: string, b: string): number {
  const [left, right] = [codePoints(a), codePoints(b)];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    if (left[index] !== right[index]) return (left[index] ?? 0) - (right[index] ?? 0);
  }

  return left.length - right.length;
}

// Few units, so that strings share prefixes, including surrogate pairs, lone surrogates and U+FFFF.
const unitArb = fc.constantFrom('a', 'b', '\uffff', '\ue000', '\ud800', '\udc00', '😀', '😁');

const membersArb = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 8 });

describe('8. filter laws and workflow set algebra', () => {
  test.prop([filterArb(), filterArb(), profileArb])(
    '8. filter laws and workflow set algebra: boolean laws of the two-valued filter',
    (f, g, profile) => {
      const value = (filter: Filter) => evaluateFilter(filter, profile);

      expect(value({ not: { not: f } })).toBe(value(f));
      expect(value({ not: { and: [f, g] } })).toBe(value({ or: [{ not: f }, { not: g }] }));
      expect(value({ and: [f, g] })).toBe(value({ and: [g, f] }));
      expect(value({ or: [f, { not: f }] })).toBe(true);
      expect(value({ and: [f] })).toBe(value(f));
    },
  );

  test.prop([fieldPathArb, scalarArb, fc.array(scalarArb, { minLength: 1, maxLength: 4 }), profileArb])(
    '8. filter laws and workflow set algebra: comparisons are two-valued and typed',
    (field, literal, values, profile) => {
      const value = fieldValue(profile, field);
      const holds = (op: 'eq' | 'neq' | 'lt' | 'gt' | 'lte' | 'gte') =>
        evaluateFilter({ field, op, value: literal }, profile);
      const comparable = value !== null && value !== undefined && typeof value === typeof literal;

      expect(evaluateFilter({ field, op: 'exists' }, profile)).toBe(value !== null && value !== undefined);
      expect(evaluateFilter({ field, op: 'in', values }, profile)).toBe(
        values.some((listed) => evaluateFilter({ field, op: 'eq', value: listed }, profile)),
      );
      expect(holds('eq') || holds('neq')).toBe(comparable);
      expect(holds('eq') && holds('neq')).toBe(false);
      if (comparable && typeof literal !== 'boolean') {
        expect([holds('lt'), holds('eq'), holds('gt')].filter(Boolean)).toHaveLength(1);
        expect(holds('lte')).toBe(holds('lt') || holds('eq'));
        expect(holds('gte')).toBe(holds('gt') || holds('eq'));
      } else {
        expect([holds('lt'), holds('lte'), holds('gt'), holds('gte')]).toEqual([false, false, false, false]);
      }
    },
  );

  test.prop([fc.string({ unit: unitArb, maxLength: 6 }), fc.string({ unit: unitArb, maxLength: 6 })])(
    '8. filter laws and workflow set algebra: strings order by Unicode code point',
    (a, b) => {
      expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePoints(a, b)));
    },
  );

  test.prop([filterArb(), filterArb(), profilesArb()])(
    '8. filter laws and workflow set algebra: and, or, and-not are intersection, union, exclusion',
    (f, g, profiles) => {
      const [left, right] = [selected(f, profiles), selected(g, profiles)];

      expect(selected({ and: [f, g] }, profiles).sort()).toEqual(intersectionOf([left, right]));
      expect(selected({ or: [f, g] }, profiles).sort()).toEqual(unionOf([left, right]));
      expect(selected({ and: [f, { not: g }] }, profiles).sort()).toEqual(exclusionOf(left, [right]));
    },
  );

  test.prop([membersArb, membersArb, membersArb])(
    '8. filter laws and workflow set algebra: set laws over members',
    (a, b, c) => {
      expect(unionOf([a, b])).toEqual(unionOf([b, a, a]));
      expect(intersectionOf([a, b])).toEqual(intersectionOf([b, a]));
      expect(unionOf([a, intersectionOf([b, c])])).toEqual(
        intersectionOf([unionOf([a, b]), unionOf([a, c])]),
      );
      expect(exclusionOf(a, [b, c])).toEqual(exclusionOf(exclusionOf(a, [b]), [c]));
      expect(unionOf([exclusionOf(a, [b]), intersectionOf([a, b])])).toEqual(unionOf([a]));
      expect(intersectionOf([exclusionOf(a, [b]), b])).toEqual([]);
      expect(intersectionOf([])).toEqual([]);
    },
  );
});
