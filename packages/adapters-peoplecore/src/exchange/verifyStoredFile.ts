import { createHash } from 'node:crypto';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

import { verifyMeasured, type ControlFileEntry } from '../formats/index.js';
import type { ExchangeStorage } from '../storage/ExchangeStorage.js';
import { fileInvalid } from './findOutboundDeliveries.js';
import { LineSplitter } from './LineSplitter.js';

/** Streams one stored file, checks it against its control entry, and hands each content line to `onLines`. */
export async function verifyStoredFile(
  storage: ExchangeStorage,
  key: string,
  entry: ControlFileEntry,
  onLines?: (lines: readonly string[]) => void,
): Promise<void> {
  const stream = await storage.getStream(key);
  if (stream === null)
    throw fileInvalid(key, 'the file is listed in its control file but missing from the exchange');

  const md5 = createHash('md5');
  let byteSize = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      md5.update(chunk);
      byteSize += chunk.length;
      done(null, chunk);
    },
  });
  const counter = lineCounter(onLines);
  const stages = key.endsWith('.gz') ? [tap, createGunzip(), counter.sink] : [tap, counter.sink];
  try {
    await pipeline(Readable.from(stream), ...(stages as [Transform, Writable]));
  } catch (error) {
    throw fileInvalid(
      key,
      `it cannot be read (${error instanceof Error ? error.message : 'unknown error'}), e.g. truncated or corrupt gzip`,
    );
  }

  const mismatch = verifyMeasured(entry, { byteSize, md5: md5.digest('hex'), lineCount: counter.lines() });
  if (mismatch !== null) throw fileInvalid(key, mismatch);
}

function lineCounter(onLines?: (lines: readonly string[]) => void): { sink: Writable; lines: () => number } {
  let count = 0;
  let last = -1;
  const splitter = new LineSplitter();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (let index = chunk.indexOf(0x0a); index !== -1; index = chunk.indexOf(0x0a, index + 1)) count += 1;
      if (chunk.length > 0) last = chunk.at(-1) ?? -1;
      if (onLines !== undefined) onLines(splitter.push(chunk));
      done();
    },
    final(done) {
      if (onLines !== undefined) onLines(splitter.end());
      done();
    },
  });
  return { sink, lines: () => (last !== -1 && last !== 0x0a ? count + 1 : count) };
}
