import { describe, expect, it } from 'vitest';

import { checkEncryption, encryptionProblem } from './encryptionProblem.js';

const iv = '00'.repeat(16);

describe('encryptionProblem', () => {
  it('should accept a key of the size the algorithm requires', () => {
    expect(encryptionProblem({ algorithm: 'aes-128-cbc', key: 'ab'.repeat(16), iv })).toBeNull();
    expect(encryptionProblem({ algorithm: 'aes-192-cbc', key: 'ab'.repeat(24), iv })).toBeNull();
    expect(encryptionProblem({ algorithm: 'aes-256-cbc', key: 'AB'.repeat(32), iv })).toBeNull();
    expect(encryptionProblem({ algorithm: 'sha256' })).toBeNull();
  });

  it('should name the expected size when the key or IV does not fit', () => {
    expect(encryptionProblem({ algorithm: 'aes-256-cbc', key: 'ab'.repeat(16), iv })).toBe(
      'the key of aes-256-cbc is 32 bytes: 64 hex characters',
    );
    expect(encryptionProblem({ algorithm: 'aes-128-cbc', key: 'zz'.repeat(16), iv })).toMatch(/16 bytes/);
    expect(
      encryptionProblem({ algorithm: 'aes-128-cbc', key: 'ab'.repeat(16), iv: 'ab'.repeat(24) }),
    ).toMatch(/IV/);
  });

  it('should refuse a data source with a wrong key length as an invalid encryption', () => {
    const source = {
      id: 'ds-1',
      label: 'CRM',
      dataSourceId: 1,
      destinationId: null,
      reconciliationKey: 'email' as const,
      channel: 'email' as const,
      encryption: { algorithm: 'aes-192-cbc' as const, key: 'ab'.repeat(16), iv },
    };

    const result = checkEncryption(source);

    expect(result.ok ? null : result.error.code).toBe('DATASOURCE.INVALID_ENCRYPTION');
  });
});
