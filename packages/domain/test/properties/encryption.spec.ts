import { createDecipheriv } from 'node:crypto';

import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';

import {
  cbcEncryptBlocks,
  decodeSegmentIds,
  decryptAesCbcBatch,
  encryptAesCbc,
  pkcs7Pad,
  type AesEncryption,
  type DecryptResult,
} from '../../src/index.js';
import { aesEncryptionArb, dataSourceArb, emailPool, hexBytesArb } from '../../src/testing/index.js';

/** The obvious way, one decipher per ID with OpenSSL's own padding check: the reference to agree with. */
function decryptOneByOne(hex: string, encryption: AesEncryption): DecryptResult {
  if (hex === '') return { ok: false, reason: 'empty' };
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return { ok: false, reason: 'not hex' };
  if (hex.length % 32 !== 0) return { ok: false, reason: 'length is not a multiple of the AES block' };
  let plain: Buffer;
  try {
    const decipher = createDecipheriv(
      encryption.algorithm,
      Buffer.from(encryption.key, 'hex'),
      Buffer.from(encryption.iv, 'hex'),
    );
    plain = Buffer.concat([decipher.update(Buffer.from(hex, 'hex')), decipher.final()]);
  } catch {
    return { ok: false, reason: 'bad padding' };
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(plain) };
  } catch {
    return { ok: false, reason: 'not UTF-8' };
  }
}

// Raw plaintext blocks ending in valid, absent or inconsistent PKCS#7 padding, some not UTF-8.
const rawBlocksArb = fc
  .tuple(
    fc.uint8Array({ minLength: 0, maxLength: 40 }),
    fc.constantFrom('valid', 'zero', 'too long', 'inconsistent'),
    fc.integer({ min: 1, max: 16 }),
  )
  .map(([bytes, tail, length]) => {
    const padded = pkcs7Pad(Buffer.from(bytes));
    const last = padded.length - 1;
    if (tail === 'zero') padded[last] = 0;
    if (tail === 'too long') padded[last] = 16 + length;
    if (tail === 'inconsistent' && length > 1) padded[last] = length;

    return padded;
  });

const ciphertextArb = (encryption: AesEncryption): fc.Arbitrary<string> => {
  const key = Buffer.from(encryption.key, 'hex');
  const iv = Buffer.from(encryption.iv, 'hex');
  const valid = fc.string({ unit: 'binary', maxLength: 30 }).map((text) => encryptAesCbc(text, encryption));

  return fc.oneof(
    valid,
    rawBlocksArb.map((blocks) => cbcEncryptBlocks(blocks, key, iv).toString('hex')),
    valid.map((hex) => hex.toUpperCase()),
    valid.map((hex) => hex.slice(0, -2)),
    valid.map((hex) => hex.slice(0, -1)),
    valid.map((hex) => `x${hex.slice(1)}`),
    fc
      .tuple(valid, fc.nat(), fc.constantFrom('g', 'Z', ' ', '-', 'é', '\n'))
      .map(
        ([hex, at, digit]) => `${hex.slice(0, at % hex.length)}${digit}${hex.slice((at % hex.length) + 1)}`,
      ),
    fc.integer({ min: 1, max: 3 }).chain((blocks) => hexBytesArb(16 * blocks)),
    fc.constant(''),
  );
};

const batchArb = aesEncryptionArb().chain((encryption) =>
  fc.tuple(fc.constant(encryption), fc.array(ciphertextArb(encryption), { maxLength: 12 })),
);

describe('7. encryption round-trips and batch decryption equals one-by-one', () => {
  test.prop([aesEncryptionArb(), fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 8 })])(
    '7. encryption round-trips and batch decryption equals one-by-one: decrypt(encrypt(x)) = x for every key size',
    (encryption, plaintexts) => {
      const ciphertexts = plaintexts.map((plain) => encryptAesCbc(plain, encryption));

      const decrypted = decryptAesCbcBatch(ciphertexts, encryption);

      expect(decrypted).toEqual(plaintexts.map((value) => ({ ok: true, value })));
      expect(ciphertexts.every((hex) => /^[0-9a-f]+$/.test(hex) && hex.length % 32 === 0)).toBe(true);
    },
  );

  test.prop([batchArb])(
    '7. encryption round-trips and batch decryption equals one-by-one: same decisions and values on valid and corrupted IDs',
    ([encryption, ciphertexts]) => {
      const batch = decryptAesCbcBatch(ciphertexts, encryption);

      expect(batch).toEqual(ciphertexts.map((hex) => decryptOneByOne(hex, encryption)));
    },
  );

  test.prop([
    dataSourceArb({ key: fc.constant('email'), encryption: aesEncryptionArb() }),
    aesEncryptionArb(),
    fc.subarray([...emailPool], { minLength: 1 }),
  ])(
    '7. encryption round-trips and batch decryption equals one-by-one: a wrong key never yields a silent match',
    (source, otherEncryption, emails) => {
      fc.pre(source.encryption.algorithm !== 'none' && source.encryption.algorithm !== 'sha256');
      const ids = emails.map((email) => encryptAesCbc(email, otherEncryption));

      const { staged } = decodeSegmentIds(ids, source);

      expect(staged.filter((id) => id.field === 'email' && emailPool.includes(id.value))).toEqual([]);
    },
  );
});
