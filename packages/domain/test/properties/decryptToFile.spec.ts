import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';

import { decryptToAddresses, encryptAesCbc, normaliseEmail, normalisePhone } from '../../src/index.js';
import type { SharedDataSource } from '../../src/index.js';
import { aesEncryptionArb, emailPool, invalidVisitorIdArb, phonePool } from '../../src/testing/index.js';

const addressSourceArb = fc
  .record({
    id: fc.constant('ds-file'),
    label: fc.constant('Encrypted addresses'),
    dataSourceId: fc.constant(1),
    destinationId: fc.constant(null),
    channel: fc.constantFrom('email' as const, 'sms' as const),
    encryption: aesEncryptionArb(),
  })
  .map((source): SharedDataSource => ({
    ...source,
    reconciliationKey: source.channel === 'email' ? 'email' : 'mobilePhone',
  }));

// Addresses as a sender might hold them (not normalised), plus values that are no address at all.
const plainArb = fc.oneof(
  fc.constantFrom(...emailPool).map((email) => `  ${email.toUpperCase()} `),
  fc.constantFrom(...phonePool),
  fc.constantFrom('(415) 555-2671', 'not an address', ''),
);

const scenarioArb = addressSourceArb.chain((source) =>
  fc.tuple(
    fc.constant(source),
    fc.array(plainArb, { maxLength: 12 }),
    fc.array(fc.oneof(invalidVisitorIdArb, fc.constantFrom('zz', '00', 'abc')), { maxLength: 4 }),
  ),
);

test.prop([scenarioArb])('6. decrypt-to-file loses nothing', ([source, plaintexts, junk]) => {
  if (source.encryption.algorithm === 'none' || source.encryption.algorithm === 'sha256') return;
  const encryption = source.encryption;
  const ciphertexts = plaintexts.map((plain) => encryptAesCbc(plain, encryption));
  const normalise = (plain: string) =>
    source.channel === 'email' ? normaliseEmail(plain) : normalisePhone(plain);

  const { addresses, rejected } = decryptToAddresses([...ciphertexts, ...junk], source);

  const expected = plaintexts.map(normalise).filter((address): address is string => address !== null);
  expect(addresses.map(({ address }) => address).sort()).toEqual(expected.sort());
  expect(
    addresses.every(({ raw, address }) => normalise(plaintexts[ciphertexts.indexOf(raw)] ?? '') === address),
  ).toBe(true);
  expect(rejected).toHaveLength(plaintexts.length - expected.length + junk.length);
  expect(rejected.every((record) => record.category === 'rejected' && record.reason !== '')).toBe(true);
});
