import { describe, expect, it } from 'vitest';

import { isVisitorId, visitorIdProblem } from './VisitorId.js';

describe('visitor ID (ECID) validity', () => {
  it('should accept halves up to the largest signed 64-bit integer', () => {
    expect(isVisitorId('9223372036854775807' + '9223372036854775807')).toBe(true);
    expect(isVisitorId('0'.repeat(38))).toBe(true);
  });

  it('should refuse a half one above the largest signed 64-bit integer', () => {
    expect(visitorIdProblem('9223372036854775808' + '0000000000000000001')).toMatch(/64-bit/);
    expect(isVisitorId('0000000000000000001' + '9223372036854775808')).toBe(false);
  });

  it('should refuse anything but exactly 38 ASCII digits', () => {
    expect(visitorIdProblem('1'.repeat(37))).toMatch(/38 digits/);
    expect(isVisitorId('1'.repeat(39))).toBe(false);
    expect(isVisitorId(`${'1'.repeat(37)}a`)).toBe(false);
    expect(isVisitorId(` ${'1'.repeat(38)}`)).toBe(false);
  });
});
