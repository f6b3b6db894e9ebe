import { describe, expect, it } from 'vitest';

import { toProfile } from './ProfileInput.js';

describe('toProfile', () => {
  it('should normalise every identifier and default what is absent', () => {
    const result = toProfile(
      { key: ' p1 ', email: ' Ann@Example.com', mobilePhone: '06 12 34 56 78', customKeys: { crm: ' C-1 ' } },
      {
        defaultRegion: 'FR',
      },
    );

    expect(result).toEqual({
      ok: true,
      value: {
        key: 'p1',
        email: 'ann@example.com',
        mobilePhone: '+33612345678',
        visitorId: null,
        customKeys: { crm: 'C-1' },
        attributes: {},
        optOut: { all: false, email: false, sms: false },
      },
    });
  });

  it('should list every identifier problem at once', () => {
    const result = toProfile({ key: 'p1', email: 'nope', mobilePhone: '12', visitorId: '123' });

    expect(result.ok ? [] : result.error).toEqual([
      'email: not an email address',
      'mobilePhone: not a valid phone number (E.164, or national in US)',
      'visitorId: a visitor ID (ECID) has exactly 38 digits',
    ]);
  });

  it('should list shape problems together with identifier problems, and never throw', () => {
    const result = toProfile({ email: 'nope', colour: 'red', attributes: { 'bad name': 1 } });

    const problems = result.ok ? [] : result.error;
    expect(problems).toContain('email: not an email address');
    expect(problems.some((problem) => problem.startsWith('key:'))).toBe(true);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    expect(toProfile(null).ok).toBe(false);
  });

  it('should treat blank identifiers as absent', () => {
    const result = toProfile({ key: 'p1', email: '', mobilePhone: '  ', visitorId: null });

    expect(result.ok && [result.value.email, result.value.mobilePhone, result.value.visitorId]).toEqual([
      null,
      null,
      null,
    ]);
  });
});
