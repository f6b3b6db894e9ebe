import { describe, expect, it } from 'vitest';

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { InboundFileSetWriter } from '../src/formats/index.js';
import { AamUploadSink } from '../src/sink/AamUploadSink.js';
import { LocalDirectoryStorage } from '../src/storage/LocalDirectoryStorage.js';
import { dataSource } from './support/outbound.js';

const ecids = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${String(i).padStart(19, '0')}${String(i * 7).padStart(19, '0')}`);

describe('inbound writer throughput', () => {
  it('should export 1,000,000 profiles through the sink to a local exchange at over 300,000 rows/s', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'ab-bench-'));
    const sink = new AamUploadSink(new LocalDirectoryStorage(directory));
    const ids = ecids(1_000_000);

    const started = performance.now();
    const session = await sink.begin({ sharedAudienceId: '4242', dataSource }, 'bench-upload');
    for (let start = 0; start < ids.length; start += 10_000)
      await session.add(ids.slice(start, start + 10_000));
    const receipt = await session.finish();
    const seconds = (performance.now() - started) / 1000;
    await rm(directory, { recursive: true, force: true });

    const rate = Math.round(1_000_000 / seconds);
    console.info(`upload sink: ${rate} rows/s to a local exchange`);
    expect(receipt.records).toBe(1_000_000);
    expect(rate).toBeGreaterThan(300_000);
  });

  it('should write the inbound file of 1,000,000 profiles at well over 500,000 rows/s', () => {
    const ids = Array.from(
      { length: 1_000_000 },
      (_, i) => `${String(i).padStart(19, '0')}${String(i * 7).padStart(19, '0')}`,
    );
    const writer = new InboundFileSetWriter({ dpid: 20914, timestampSec: 1_700_000_000 });
    const traits = ['123456'];
    let stored = 0;

    const started = performance.now();
    for (const id of ids) writer.add(id, traits);
    const set = writer.finish();
    for (const chunk of writer.takeChunks()) stored += chunk.bytes.length;
    const seconds = (performance.now() - started) / 1000;

    const rate = Math.round(1_000_000 / seconds);
    console.info(`inbound writer: ${rate} rows/s, ${set.files.length} file(s), ${stored} gzip bytes`);
    expect(set.lineCount).toBe(1_000_000);
    expect(rate).toBeGreaterThan(500_000);
  });
});
