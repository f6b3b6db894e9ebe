import { createCipheriv } from 'node:crypto';

import type { Rng } from './random.js';

/** A valid ECID for an index: two 19-digit halves, each below 2^63. */
export const validEcid = (index: number): string =>
  `${1_000_000_000_000_000_000n + BigInt(index)}${5_000_000_000_000_000_000n + BigInt(index)}`;

/** ECIDs that must be refused: wrong length, non-digits, a half above 2^63 − 1, blanks and look-alikes. */
export function badEcid(rng: Rng): string {
  const digits = (count: number): string =>
    Array.from({ length: count }, () => String(rng.int(0, 9))).join('');
  const kinds: (() => string)[] = [
    () => digits(rng.pick([1, 18, 19, 36, 37, 39, 40, 76])),
    () => `${digits(18)}x${digits(19)}`,
    () => `9223372036854775808${digits(19)}`,
    () => `1${digits(18)}9${rng.int(3, 9)}${digits(17)}`,
    () => `-${digits(37)}`,
    () => `${digits(19)} ${digits(18)}`,
    () => `${digits(37)}\u0661`,
    () => `9999999999999999999${digits(19)}`,
    () => `+${digits(37)}`,
  ];
  return rng.pick(kinds)();
}

/** Outbound file lines that must be refused: column counts, empty user ids, non-numeric segment ids. */
export function badOutboundLine(rng: Rng): string {
  const id = validEcid(rng.int(0, 1_000_000));
  const kinds: (() => string)[] = [
    () => id,
    () => `${id} 1,2 3 4`,
    () => ` 20001`,
    () => `${id} 2000a`,
    () => `${id} 20001,,x`,
    () => `${id} 20001 -5`,
    () => `${id} 20001 30001 `,
    () => `${id}\t20001`,
    () => `${id} 20001 ${'z'.repeat(rng.int(1, 50))}`,
    () => `${id} 1.5`,
  ];
  return rng.pick(kinds)();
}

/** A valid outbound line for an index. */
export const validOutboundLine = (index: number): string => `${validEcid(index)} 20001,20002`;

/** AES settings the ciphertext generators use (256-bit, fixed IV). */
export const aes = { algorithm: 'aes-256-cbc' as const, key: 'a1'.repeat(32), iv: 'b2'.repeat(16) };

function rawCbc(plain: Buffer, autoPadding: boolean): string {
  const cipher = createCipheriv(aes.algorithm, Buffer.from(aes.key, 'hex'), Buffer.from(aes.iv, 'hex'));
  cipher.setAutoPadding(autoPadding);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('hex');
}

/** A ciphertext of a valid address for an index. */
export const validCiphertext = (index: number): string =>
  rawCbc(Buffer.from(`person${index}@example.com`), true);

/** Ciphertexts that must be refused: empty, not hex, not whole blocks, bad PKCS#7 padding, not UTF-8. */
export function badCiphertext(rng: Rng): string {
  const block = (lastByte: number): Buffer => {
    const bytes = Buffer.alloc(16, rng.int(0x61, 0x7a));
    bytes[15] = lastByte;
    return bytes;
  };
  const kinds: (() => string)[] = [
    () => '',
    () => 'zz'.repeat(16),
    () => validCiphertext(rng.int(0, 1000)).slice(0, 2 * rng.int(1, 15)),
    () => `${validCiphertext(rng.int(0, 1000))}0`,
    () => rawCbc(block(0), false),
    () => rawCbc(block(rng.int(17, 255)), false),
    () => rawCbc(Buffer.from([0x66, 0x6f, 0xff, 0xfe, 0xc3, 0x28]), true),
  ];
  return rng.pick(kinds)();
}
