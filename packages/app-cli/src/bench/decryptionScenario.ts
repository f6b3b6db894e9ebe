import { createDecipheriv } from 'node:crypto';

import {
  DEFAULT_IMPORT_BATCH_SIZE,
  decryptAesCbcBatch,
  encryptAesCbcBatch,
  type Encryption,
} from '@audience-bridge/domain';

import { judged, rateOf, type BenchRow } from './BenchRow.js';
import { median, progress, timedSync } from './measure.js';
import type { BenchSizes } from './sizes.js';
import { emailAt } from './synthetic.js';
import type { Target } from './targets.js';

const SCENARIO = 'decryption';
const TARGET: Target = { comparison: 'atLeast', limit: 6, unit: '×' };

type Aes = Extract<Encryption, { key: string }>;

/** A fixed AES-256 key and IV: the bench measures speed, not secrecy. */
const encryption: Aes = {
  algorithm: 'aes-256-cbc',
  key: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
  iv: 'f0e0d0c0b0a090807060504030201000',
};

function ciphertexts(count: number): string[] {
  const out: string[] = [];
  for (let start = 0; start < count; start += DEFAULT_IMPORT_BATCH_SIZE) {
    const plain = Array.from({ length: Math.min(DEFAULT_IMPORT_BATCH_SIZE, count - start) }, (_, offset) =>
      emailAt(start + offset),
    );
    out.push(...encryptAesCbcBatch(plain, encryption));
  }

  return out;
}

/** Audience Bridge: `decryptAesCbcBatch` over batches of the size the import sync reads. */
function decryptInBatches(hexes: readonly string[]): number {
  let decrypted = 0;
  for (let start = 0; start < hexes.length; start += DEFAULT_IMPORT_BATCH_SIZE) {
    for (const result of decryptAesCbcBatch(
      hexes.slice(start, start + DEFAULT_IMPORT_BATCH_SIZE),
      encryption,
    )) {
      if (result.ok) decrypted += 1;
    }
  }

  return decrypted;
}

/** The baseline: one `createDecipheriv` per ID, Node checking the padding. */
function decryptOneByOne(hexes: readonly string[]): number {
  const key = Buffer.from(encryption.key, 'hex');
  const iv = Buffer.from(encryption.iv, 'hex');
  let decrypted = 0;
  for (const hex of hexes) {
    const decipher = createDecipheriv(encryption.algorithm, key, iv);
    const plain = Buffer.concat([decipher.update(hex, 'hex'), decipher.final()]).toString('utf8');
    if (plain.length > 0) decrypted += 1;
  }

  return decrypted;
}

function medianSeconds(
  repetitions: number,
  work: () => number,
): { seconds: number; runs: number[]; decrypted: number } {
  const runs: number[] = [];
  let decrypted = 0;
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const run = timedSync(work);
    runs.push(run.seconds);
    decrypted = run.result;
  }

  return { seconds: median(runs), runs, decrypted };
}

/** Scenario 2: batched AES-256-CBC decryption of declared IDs against one decipher per ID. */
export function runDecryption(sizes: BenchSizes): Promise<BenchRow[]> {
  const total = sizes.decryptionIds;
  progress(`${SCENARIO}: encrypting ${total} emails (setup)`);
  const hexes = ciphertexts(total);
  const warm = hexes.slice(0, Math.floor(total / 10));
  decryptInBatches(warm);
  decryptOneByOne(warm);
  const batched = medianSeconds(sizes.repetitions, () => decryptInBatches(hexes));
  const single = medianSeconds(sizes.repetitions, () => decryptOneByOne(hexes));
  const ratio = single.seconds / batched.seconds;

  return Promise.resolve([
    judged({
      scenario: SCENARIO,
      variant: `decryptAesCbcBatch, batches of ${DEFAULT_IMPORT_BATCH_SIZE.toLocaleString('en-US')}`,
      size: total,
      seconds: batched.seconds,
      rate: rateOf(total, batched.seconds, 'IDs/s'),
      note: `${batched.decrypted} decrypted; runs ${batched.runs.map((s) => s.toFixed(3)).join(', ')} s`,
      details: { decrypted: batched.decrypted, runs: batched.runs.map((s) => s.toFixed(3)).join(' ') },
    }),
    judged({
      scenario: SCENARIO,
      variant: 'baseline: createDecipheriv per ID',
      size: total,
      seconds: single.seconds,
      rate: rateOf(total, single.seconds, 'IDs/s'),
      ratio: { value: ratio, text: `AB ${ratio.toFixed(1)}× faster` },
      target: TARGET,
      measured: ratio,
      details: { decrypted: single.decrypted, runs: single.runs.map((s) => s.toFixed(3)).join(' ') },
    }),
  ]);
}
