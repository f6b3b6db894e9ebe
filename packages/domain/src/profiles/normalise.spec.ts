import { describe, expect, it } from 'vitest';

import { sha256Hex } from './matchKeys.js';
import { normaliseEmail, normalisePhone } from './normalise.js';

describe('normalisation known answers (version 1)', () => {
  it('should trim and lower-case an email address', () => {
    expect(normaliseEmail(' John.Doe@Example.COM ')).toBe('john.doe@example.com');
    expect(normaliseEmail('not an email')).toBeNull();
    expect(normaliseEmail('a@b')).toBeNull();
  });

  it('should write phone numbers in E.164, reading national numbers in the default region', () => {
    expect(normalisePhone('(415) 555-2671', { defaultRegion: 'US' })).toBe('+14155552671');
    expect(normalisePhone('06 12 34 56 78', { defaultRegion: 'FR' })).toBe('+33612345678');
    expect(normalisePhone('+33 6 12 34 56 78', { defaultRegion: 'US' })).toBe('+33612345678');
  });

  it('should refuse what is not a valid phone number', () => {
    expect(normalisePhone('12', { defaultRegion: 'US' })).toBeNull();
    expect(normalisePhone('555-CALL-NOW', { defaultRegion: 'US' })).toBeNull();
    expect(normalisePhone('', { defaultRegion: 'US' })).toBeNull();
    expect(normalisePhone('+1 000 000 0000', { defaultRegion: 'US' })).toBeNull();
  });

  it('should hash a normalised email as lower-case SHA-256 hex', () => {
    expect(sha256Hex('john.doe@example.com')).toBe(
      '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    );
  });
});
