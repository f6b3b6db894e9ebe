import { createCipheriv, createDecipheriv } from 'node:crypto';

import { AES_BLOCK_BYTES } from './encryptionProblem.js';

/** The ECB algorithm name for a key, used as the raw block cipher under our own CBC chaining. */
export const ecbAlgorithmFor = (key: Buffer): string => `aes-${key.length * 8}-ecb`;

/**
 * Decrypts whole AES blocks in ECB, one cipher call for any number of blocks: the expensive part
 * of a batch, done once instead of once per ID. `blocks.length` must be a multiple of 16.
 */
export function ecbDecryptBlocks(blocks: Buffer, key: Buffer): Buffer {
  const decipher = createDecipheriv(ecbAlgorithmFor(key), key, null).setAutoPadding(false);

  return decipher.update(blocks);
}

/**
 * XORs each ECB-decrypted block with the ciphertext block before it (the IV for the first), in
 * place over `plain[start, end)`: CBC decryption of one message whose ciphertext is `cipher[start, end)`.
 */
export function unchainCbc(plain: Buffer, cipher: Buffer, iv: Buffer, start: number, end: number): void {
  const firstEnd = Math.min(start + AES_BLOCK_BYTES, end);
  for (let index = start; index < firstEnd; index++)
    plain[index] = (plain[index] ?? 0) ^ (iv[index - start] ?? 0);
  for (let index = firstEnd; index < end; index++) {
    plain[index] = (plain[index] ?? 0) ^ (cipher[index - AES_BLOCK_BYTES] ?? 0);
  }
}

/** CBC decryption of whole blocks without padding removal: the primitive the NIST vectors test. */
export function cbcDecryptBlocks(ciphertext: Buffer, key: Buffer, iv: Buffer): Buffer {
  const plain = ecbDecryptBlocks(ciphertext, key);
  unchainCbc(plain, ciphertext, iv, 0, ciphertext.length);

  return plain;
}

/**
 * CBC encryption of whole blocks without padding. One ECB cipher serves every block (and every
 * message of a batch); chaining is sequential by nature, so blocks go through it one by one.
 */
export function cbcEncryptBlocks(plaintext: Buffer, key: Buffer, iv: Buffer): Buffer {
  const cipher = createCipheriv(ecbAlgorithmFor(key), key, null).setAutoPadding(false);

  return cbcEncryptWith(cipher, plaintext, iv);
}

/** CBC-encrypts whole blocks through an existing ECB cipher, so a batch reuses one cipher object. */
export function cbcEncryptWith(
  cipher: { update(data: Buffer): Buffer },
  plaintext: Buffer,
  iv: Buffer,
): Buffer {
  const out = Buffer.allocUnsafe(plaintext.length);
  const block = Buffer.allocUnsafe(AES_BLOCK_BYTES);
  let previous: Buffer = iv;
  for (let start = 0; start < plaintext.length; start += AES_BLOCK_BYTES) {
    for (let index = 0; index < AES_BLOCK_BYTES; index++) {
      block[index] = (plaintext[start + index] ?? 0) ^ (previous[index] ?? 0);
    }
    cipher.update(block).copy(out, start);
    previous = out.subarray(start, start + AES_BLOCK_BYTES);
  }

  return out;
}

/** Appends PKCS#7 padding: 1 to 16 bytes, each holding the pad length (a full block when aligned). */
export function pkcs7Pad(data: Buffer): Buffer {
  const padLength = AES_BLOCK_BYTES - (data.length % AES_BLOCK_BYTES);
  const padded = Buffer.alloc(data.length + padLength, padLength);
  data.copy(padded);

  return padded;
}

/**
 * The length of the message inside `data[start, end)` once its PKCS#7 padding is removed, or
 * `null` when the padding is not exact (last byte 1..16 and every pad byte equal to it).
 */
export function pkcs7UnpaddedEnd(data: Buffer, start: number, end: number): number | null {
  const padLength = data[end - 1] ?? 0;
  if (padLength < 1 || padLength > AES_BLOCK_BYTES || padLength > end - start) return null;
  for (let index = end - padLength; index < end - 1; index++) {
    if (data[index] !== padLength) return null;
  }

  return end - padLength;
}
