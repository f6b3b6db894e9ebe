import { describe, expect, it } from 'vitest';

import { noOptOut, type Profile } from '../profiles/Profile.js';
import { evaluateFilter } from './evaluateFilter.js';

const profile: Profile = {
  key: 'p1',
  email: 'ann@example.com',
  mobilePhone: null,
  visitorId: null,
  customKeys: { crm: 'C-1' },
  attributes: { age: 42, city: 'Zürich', vip: true, note: null, emoji: '😀' },
  optOut: noOptOut,
};

describe('evaluateFilter', () => {
  it('should be false for any comparison on a missing, null or differently typed field, neq included', () => {
    expect(evaluateFilter({ field: 'mobilePhone', op: 'neq', value: '+1' }, profile)).toBe(false);
    expect(evaluateFilter({ field: 'attributes.note', op: 'neq', value: 'x' }, profile)).toBe(false);
    expect(evaluateFilter({ field: 'attributes.age', op: 'neq', value: '42' }, profile)).toBe(false);
    expect(evaluateFilter({ not: { field: 'mobilePhone', op: 'eq', value: '+1' } }, profile)).toBe(true);
  });

  it('should order numbers numerically and strings by code point', () => {
    expect(evaluateFilter({ field: 'attributes.age', op: 'gt', value: 9 }, profile)).toBe(true);
    expect(evaluateFilter({ field: 'attributes.city', op: 'gt', value: 'Zz' }, profile)).toBe(true);
    expect(evaluateFilter({ field: 'attributes.emoji', op: 'gt', value: 'a' }, profile)).toBe(true);
    expect(evaluateFilter({ field: 'attributes.emoji', op: 'gt', value: '\uffff' }, profile)).toBe(true);
  });

  it('should support eq, neq and in only on booleans', () => {
    expect(evaluateFilter({ field: 'attributes.vip', op: 'eq', value: true }, profile)).toBe(true);
    expect(evaluateFilter({ field: 'optOut.all', op: 'in', values: [false] }, profile)).toBe(true);
    expect(evaluateFilter({ field: 'attributes.vip', op: 'gte', value: false }, profile)).toBe(false);
  });

  it('should match contains and startsWith case-sensitively, on strings only', () => {
    expect(evaluateFilter({ field: 'email', op: 'contains', value: '@example' }, profile)).toBe(true);
    expect(evaluateFilter({ field: 'email', op: 'startsWith', value: 'Ann' }, profile)).toBe(false);
    expect(evaluateFilter({ field: 'attributes.age', op: 'contains', value: 4 }, profile)).toBe(false);
    expect(evaluateFilter({ field: 'customKeys.crm', op: 'in', values: [1, 'C-1'] }, profile)).toBe(true);
  });

  it('should read only own attributes and custom keys', () => {
    expect(evaluateFilter({ field: 'attributes.constructor', op: 'exists' }, profile)).toBe(false);
    expect(evaluateFilter({ field: 'customKeys.toString', op: 'exists' }, profile)).toBe(false);
  });
});
