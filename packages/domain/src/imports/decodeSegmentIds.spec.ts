import { describe, expect, it } from 'vitest';

import { encryptAesCbc } from '../crypto/aesCbc.js';
import type { Encryption, ReconciliationKey, SharedDataSource } from '../datasources/SharedDataSource.js';
import { sha256Hex } from '../profiles/matchKeys.js';
import { decodeSegmentIds, decryptToAddresses } from './decodeSegmentIds.js';

const ecid = '02345678901234567890123456789012345678';
const aes = { algorithm: 'aes-256-cbc', key: '01'.repeat(32), iv: '02'.repeat(16) } as const;

const source = (key: ReconciliationKey, encryption: Encryption): SharedDataSource => ({
  id: 'ds-1',
  label: 'CRM',
  dataSourceId: 1,
  destinationId: null,
  reconciliationKey: key,
  channel: key === 'email' ? 'email' : 'other',
  encryption,
});

describe('decodeSegmentIds', () => {
  it('should keep valid ECIDs as visitor IDs and reject everything else on a visitor-ID source', () => {
    const { staged, rejected } = decodeSegmentIds(
      [ecid, ' ', 'abc'],
      source('visitorId', { algorithm: 'none' }),
    );

    expect(staged).toEqual([{ raw: ecid, field: 'visitorId', value: ecid }]);
    expect(rejected.map(({ reason }) => reason)).toEqual([
      'empty',
      'a visitor ID (ECID) has exactly 38 digits',
    ]);
  });

  it('should normalise plain declared IDs by the reconciliation key', () => {
    const { staged, rejected } = decodeSegmentIds(
      [' Ann@Example.com', 'nope'],
      source('email', { algorithm: 'none' }),
    );

    expect(staged).toEqual([{ raw: ' Ann@Example.com', field: 'email', value: 'ann@example.com' }]);
    expect(rejected).toEqual([{ category: 'rejected', value: 'nope', reason: 'not an email address' }]);
  });

  it('should lower-case SHA-256 digests and match them on the hashed field', () => {
    const digest = sha256Hex('ann@example.com').toUpperCase();

    const { staged, rejected } = decodeSegmentIds([digest, 'abc'], source('email', { algorithm: 'sha256' }));

    expect(staged).toEqual([{ raw: digest, field: 'email#sha256', value: digest.toLowerCase() }]);
    expect(rejected).toHaveLength(1);
  });

  it('should decrypt AES IDs and keep a visitor ID that sits among them', () => {
    const cipher = encryptAesCbc('ANN@example.com', aes);

    const { staged, rejected } = decodeSegmentIds([cipher, ecid, `${cipher}00`], source('email', aes));

    expect(staged).toEqual([
      { raw: ecid, field: 'visitorId', value: ecid },
      { raw: cipher, field: 'email', value: 'ann@example.com' },
    ]);
    expect(rejected.map(({ reason }) => reason)).toEqual(['length is not a multiple of the AES block']);
  });

  it('should reject every declared ID with the key problem when the key does not fit the algorithm', () => {
    const wrong = { ...aes, key: '01'.repeat(16) };

    const { rejected } = decodeSegmentIds([encryptAesCbc('a@b.co', aes)], source('email', wrong));

    expect(rejected.map(({ reason }) => reason)).toEqual([
      'the key of aes-256-cbc is 32 bytes: 64 hex characters',
    ]);
  });
});

describe('decryptToAddresses', () => {
  it('should give one normalised address per decryptable ID and reject visitor IDs', () => {
    const cipher = encryptAesCbc(' Bob@Example.com ', aes);

    const { addresses, rejected } = decryptToAddresses([cipher, cipher, ecid], source('email', aes));

    expect(addresses).toEqual([
      { raw: cipher, address: 'bob@example.com' },
      { raw: cipher, address: 'bob@example.com' },
    ]);
    expect(rejected).toEqual([
      { category: 'rejected', value: ecid, reason: 'a visitor ID is not an address' },
    ]);
  });
});
