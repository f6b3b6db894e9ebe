import fc from 'fast-check';

import type { AesEncryption } from '../../crypto/encryptionProblem.js';
import type {
  AesAlgorithm,
  Channel,
  Encryption,
  ReconciliationKey,
  SharedDataSource,
} from '../../datasources/SharedDataSource.js';
import { customKeyNames } from './profiles.js';

const aesAlgorithms: readonly AesAlgorithm[] = ['aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc'];

const keyBytes: Readonly<Record<AesAlgorithm, number>> = {
  'aes-128-cbc': 16,
  'aes-192-cbc': 24,
  'aes-256-cbc': 32,
};

/** Random bytes as lower-case hex. */
export const hexBytesArb = (length: number): fc.Arbitrary<string> =>
  fc.uint8Array({ minLength: length, maxLength: length }).map((bytes) => Buffer.from(bytes).toString('hex'));

/** A valid AES-CBC encryption: a random key of the algorithm's size and a random 16-byte IV. */
export const aesEncryptionArb = (algorithm?: AesAlgorithm): fc.Arbitrary<AesEncryption> =>
  (algorithm === undefined ? fc.constantFrom(...aesAlgorithms) : fc.constant(algorithm)).chain((chosen) =>
    fc.record({ algorithm: fc.constant(chosen), key: hexBytesArb(keyBytes[chosen]), iv: hexBytesArb(16) }),
  );

/** An AES encryption whose key length does not match its algorithm: a data-source validation error. */
export const wrongKeyEncryptionArb: fc.Arbitrary<AesEncryption> = fc
  .tuple(fc.constantFrom(...aesAlgorithms), fc.constantFrom(0, 8, 15, 17, 20, 31, 33, 64))
  .filter(([algorithm, bytes]) => keyBytes[algorithm] !== bytes)
  .chain(([algorithm, bytes]) =>
    fc.record({ algorithm: fc.constant(algorithm), key: hexBytesArb(bytes), iv: hexBytesArb(16) }),
  );

export const encryptionArb: fc.Arbitrary<Encryption> = fc.oneof(
  fc.constant<Encryption>({ algorithm: 'none' }),
  fc.constant<Encryption>({ algorithm: 'sha256' }),
  aesEncryptionArb(),
);

export const reconciliationKeyArb: fc.Arbitrary<ReconciliationKey> = fc.constantFrom<ReconciliationKey>(
  'visitorId',
  'email',
  'mobilePhone',
  ...customKeyNames.map((name): ReconciliationKey => `custom:${name}`),
);

/** The channel that fits a key: email and SMS only for those keys, other for everything. */
const channelFor = (key: ReconciliationKey): fc.Arbitrary<Channel> => {
  if (key === 'email') return fc.constantFrom<Channel>('email', 'other');
  if (key === 'mobilePhone') return fc.constantFrom<Channel>('sms', 'other');

  return fc.constant<Channel>('other');
};

/**
 * A consistent shared data source: the channel fits the reconciliation key and the encryption is
 * one of the three kinds (a visitor-ID source is never encrypted). Pin parts through `overrides`.
 */
export const dataSourceArb = (
  overrides: {
    readonly encryption?: fc.Arbitrary<Encryption>;
    readonly key?: fc.Arbitrary<ReconciliationKey>;
  } = {},
): fc.Arbitrary<SharedDataSource> =>
  (overrides.key ?? reconciliationKeyArb).chain((key) =>
    fc.record({
      id: fc.stringMatching(/^ds-[a-z0-9]{1,8}$/),
      label: fc.constantFrom('Declared IDs', 'Visitor IDs', 'CRM'),
      dataSourceId: fc.integer({ min: 1, max: 9_999_999 }),
      destinationId: fc.option(fc.integer({ min: 1, max: 9_999_999 }), { nil: null }),
      reconciliationKey: fc.constant(key),
      channel: channelFor(key),
      encryption:
        key === 'visitorId'
          ? fc.constant<Encryption>({ algorithm: 'none' })
          : (overrides.encryption ?? encryptionArb),
    }),
  );
