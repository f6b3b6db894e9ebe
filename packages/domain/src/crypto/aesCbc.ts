import { createCipheriv } from 'node:crypto';

import {
  cbcEncryptWith,
  ecbAlgorithmFor,
  ecbDecryptBlocks,
  pkcs7Pad,
  pkcs7UnpaddedEnd,
  unchainCbc,
} from './cbcBlocks.js';
import { AES_BLOCK_BYTES, encryptionProblem, type AesEncryption } from './encryptionProblem.js';

/** One ID's decryption: the plaintext, or a short stable reason fit for grouping in a run report. */
export type DecryptResult =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

/** The reasons a ciphertext is refused, stable so that reports can count them. */
export const decryptReasons = {
  empty: 'empty',
  notHex: 'not hex',
  notBlockMultiple: 'length is not a multiple of the AES block',
  badPadding: 'bad padding',
  notUtf8: 'not UTF-8',
} as const;

const HEX = /^[0-9a-fA-F]+$/;

// ignoreBOM keeps a leading U+FEFF in the value instead of silently dropping it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

interface Secret {
  readonly key: Buffer;
  readonly iv: Buffer;
}

function secretOf(encryption: AesEncryption): Secret | string {
  const problem = encryptionProblem(encryption);

  return problem ?? { key: Buffer.from(encryption.key, 'hex'), iv: Buffer.from(encryption.iv, 'hex') };
}

/**
 * Encrypts one value the way the data source expects (AES-CBC, PKCS#7, lower-case hex). The
 * encryption must have passed `encryptionProblem`; an invalid key is a programming error here.
 */
export function encryptAesCbc(plaintext: string, encryption: AesEncryption): string {
  const [ciphertext] = encryptAesCbcBatch([plaintext], encryption);

  return ciphertext ?? '';
}

/** Encrypts many values through one block cipher object, for exports of many profiles. */
export function encryptAesCbcBatch(plaintexts: readonly string[], encryption: AesEncryption): string[] {
  const secret = secretOf(encryption);
  if (typeof secret === 'string') throw new RangeError(`encryptAesCbcBatch: ${secret}`);

  const cipher = createCipheriv(ecbAlgorithmFor(secret.key), secret.key, null).setAutoPadding(false);

  return plaintexts.map((plaintext) =>
    cbcEncryptWith(cipher, pkcs7Pad(Buffer.from(plaintext, 'utf8')), secret.iv).toString('hex'),
  );
}

/** Why a ciphertext's text cannot be a message, judged on its length alone; hex digits are checked as it is read. */
function lengthProblem(hex: string): string | null {
  if (hex === '') return decryptReasons.empty;
  if (hex.length % (AES_BLOCK_BYTES * 2) === 0) return null;
  if (hex.length % 2 !== 0 || !HEX.test(hex)) return decryptReasons.notHex;

  return decryptReasons.notBlockMultiple;
}

/** Where each ciphertext of the right length starts in the batch buffer, or why it is refused. */
function layoutOf(ciphertextsHex: readonly string[]): { spans: (number | string)[]; total: number } {
  let total = 0;
  const spans = ciphertextsHex.map((hex) => {
    const problem = lengthProblem(hex);
    if (problem !== null) return problem;

    const start = total;
    total += hex.length / 2;

    return start;
  });

  return { spans, total };
}

/**
 * Copies each ciphertext's bytes to its place in the batch buffer. Buffer's hex decoder stops at the
 * first pair that is not two hex digits, so a short write is exactly a ciphertext that is not hex:
 * its span becomes the reason, and its partial bytes are decrypted with the rest and never read.
 */
function readCiphertexts(
  ciphertextsHex: readonly string[],
  spans: (number | string)[],
  cipher: Buffer,
): void {
  spans.forEach((start, index) => {
    if (typeof start !== 'number') return;
    const hex = ciphertextsHex[index] ?? '';
    if (cipher.write(hex, start, 'hex') !== hex.length / 2) spans[index] = decryptReasons.notHex;
  });
}

/**
 * Decrypts a batch of hex ciphertexts with one ECB cipher call over all their blocks, then
 * chains CBC, checks PKCS#7 padding exactly and decodes strict UTF-8 per ID. Each ID is refused
 * with a reason on its own: one bad ID never fails the batch. Results are in input order.
 */
export function decryptAesCbcBatch(
  ciphertextsHex: readonly string[],
  encryption: AesEncryption,
): DecryptResult[] {
  const secret = secretOf(encryption);
  if (typeof secret === 'string') return ciphertextsHex.map(() => ({ ok: false, reason: secret }));

  const { spans, total } = layoutOf(ciphertextsHex);
  const cipher = Buffer.allocUnsafe(total);
  readCiphertexts(ciphertextsHex, spans, cipher);
  const plain = total === 0 ? cipher : ecbDecryptBlocks(cipher, secret.key);

  return spans.map((start, index) => {
    if (typeof start === 'string') return { ok: false, reason: start };

    return openMessage(plain, cipher, secret.iv, start, start + (ciphertextsHex[index] ?? '').length / 2);
  });
}

function openMessage(plain: Buffer, cipher: Buffer, iv: Buffer, start: number, end: number): DecryptResult {
  unchainCbc(plain, cipher, iv, start, end);
  const messageEnd = pkcs7UnpaddedEnd(plain, start, end);
  if (messageEnd === null) return { ok: false, reason: decryptReasons.badPadding };

  try {
    return { ok: true, value: strictUtf8.decode(plain.subarray(start, messageEnd)) };
  } catch {
    return { ok: false, reason: decryptReasons.notUtf8 };
  }
}
