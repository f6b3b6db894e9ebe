import { describe, expect, it } from 'vitest';

import { InboundFileSetWriter } from '../src/formats/index.js';

describe('inbound writer throughput', () => {
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
