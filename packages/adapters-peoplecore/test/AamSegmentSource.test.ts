import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { DomainError } from '@audience-bridge/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ExchangeLayout } from '../src/formats/index.js';
import { AamSegmentSource } from '../src/source/AamSegmentSource.js';
import type { AamSegmentSnapshot } from '../src/source/AamSegmentSnapshot.js';
import { LocalDirectoryStorage } from '../src/storage/LocalDirectoryStorage.js';
import { dataSource, deliver, line } from './support/outbound.js';

async function members(snapshot: AamSegmentSnapshot, batchSize = 2): Promise<string[]> {
  const all: string[] = [];
  for await (const batch of snapshot.batches(batchSize)) {
    expect(batch.length).toBeLessThanOrEqual(batchSize);
    all.push(...batch);
  }
  return all.sort();
}

describe('AamSegmentSource', () => {
  let directory: string;
  let storage: LocalDirectoryStorage;
  let source: AamSegmentSource;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'ab-source-'));
    storage = new LocalDirectoryStorage(directory);
    source = new AamSegmentSource(storage);
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('should read the latest full delivery over split gzip files', async () => {
    await deliver(storage, 'full', 1_700_000_000_000, [line('old', ['7'])]);
    const lines = Array.from({ length: 25 }, (_, i) =>
      line(`u${String(i).padStart(2, '0')}`, i % 2 === 0 ? ['7', '8'] : ['8']),
    );
    await deliver(storage, 'full', 1_700_000_100_000, lines, { maxLinesPerFile: 4 });

    const snapshot = await source.snapshot('7', dataSource);

    expect(await members(snapshot, 3)).toEqual(lines.filter((_, i) => i % 2 === 0).map((l) => l.userId));
    expect(snapshot.deliveryId).toBe('S3_1234_20914_AudienceBridge_full_1700000100000');
  });

  it('should apply later iter deliveries, the latest line per user winning', async () => {
    await deliver(
      storage,
      'full',
      1_000_000_000_000,
      [line('a', ['7']), line('b', ['7']), line('c', ['8'])],
      { gzip: false },
    );
    await deliver(storage, 'iter', 1_000_000_000_100, [
      line('b', ['8'], ['7']),
      line('c', ['7', '8']),
      line('d', ['7']),
    ]);
    await deliver(storage, 'iter', 1_000_000_000_200, [
      line('d', [], ['7']),
      line('e', ['7']),
      line('a', ['9']),
    ]);
    await deliver(storage, 'iter', 999_999_999_999, [line('zz', ['7'])]);

    const snapshot = await source.snapshot('7', dataSource);

    expect(await members(snapshot)).toEqual(['a', 'c', 'e']);
    expect(snapshot.deliveryId).toContain('+2iter');
  });

  it('should ignore a delivery whose control file has not arrived yet', async () => {
    await deliver(storage, 'full', 1_000_000_000_000, [line('a', ['7'])]);
    await deliver(storage, 'full', 1_000_000_000_500, [line('b', ['7'])], { withControl: false });

    expect(await members(await source.snapshot('7', dataSource))).toEqual(['a']);
  });

  it('should skip and count malformed lines of a verified file', async () => {
    const content = Buffer.from('a 7\nnot-a-line\nb 7,x\nc 7\n');
    const name = 'S3_1234_20914_AudienceBridge_full_1000000000000001.sync';
    await storage.put(ExchangeLayout.outboundKey(1234, name), content);
    const { buildControlFile } = await import('../src/formats/index.js');
    const control = buildControlFile('S3_1234_20914_AudienceBridge_full_1000000000000', [
      { name, bytes: content, lineCount: 4 },
    ]);
    await storage.put(ExchangeLayout.outboundKey(1234, control.name), control.text);

    const snapshot = await source.snapshot('7', dataSource);

    expect(await members(snapshot)).toEqual(['a', 'c']);
    expect(snapshot.problems.malformedLines).toBe(2);
    expect(snapshot.problems.samples[0]).toContain('line 2');
  });

  describe('refusals: nothing is yielded from an untrustworthy delivery', () => {
    const lines = Array.from({ length: 50 }, (_, i) => line(`user-${i}`, ['7']));
    const fileKey = (split: string) =>
      ExchangeLayout.outboundKey(1234, `S3_1234_20914_AudienceBridge_full_1000000000000${split}.sync.gz`);

    async function refusal(): Promise<DomainError> {
      const error: unknown = await source.snapshot('7', dataSource).catch((caught: unknown) => caught);
      expect(DomainError.is(error, 'PEOPLECORE.FILE_INVALID')).toBe(true);
      return error as DomainError;
    }

    it('should refuse a truncated file', async () => {
      const delivery = await deliver(storage, 'full', 1_000_000_000_000, lines, { maxLinesPerFile: 20 });
      await storage.put(fileKey('002'), delivery.files[1]!.bytes.subarray(0, 30));

      expect((await refusal()).message).toMatch(
        /002\.sync\.gz was refused: .*(truncated|unexpected end|bytes stored)/,
      );
    });

    it('should refuse a missing file', async () => {
      await deliver(storage, 'full', 1_000_000_000_000, lines, { maxLinesPerFile: 20 });
      await storage.delete(fileKey('003'));

      expect((await refusal()).message).toMatch(/003\.sync\.gz was refused: .*missing/);
    });

    it('should refuse a file whose bytes differ from the md5', async () => {
      await deliver(storage, 'full', 1_000_000_000_000, lines, { maxLinesPerFile: 20 });
      const tampered = gzipSync(
        Buffer.from(
          lines
            .slice(0, 20)
            .map((l) => `${l.userId.replace('user', 'resu')} 7\n`)
            .join(''),
        ),
      );
      await storage.put(fileKey('001'), tampered);

      expect((await refusal()).message).toMatch(/001\.sync\.gz was refused: .*(md5|bytes stored)/);
    });

    it('should refuse a control file that lies about the line count', async () => {
      const delivery = await deliver(storage, 'full', 1_000_000_000_000, lines);
      const control = delivery.control.control;
      const lying = {
        Files: [{ ...control.Files[0]!, FileLineCount: 49 }],
        Totals: { ...control.Totals, TotalNumberLines: 49 },
      };
      await storage.put(ExchangeLayout.outboundKey(1234, delivery.control.name), JSON.stringify(lying));

      expect((await refusal()).message).toMatch(/50 lines, control file says 49/);
    });

    it('should refuse a malformed control file and the absence of any full delivery', async () => {
      const delivery = await deliver(storage, 'full', 1_000_000_000_000, lines);
      await storage.put(ExchangeLayout.outboundKey(1234, delivery.control.name), '{"Files": 3}');

      expect((await refusal()).message).toMatch(/\.info was refused: the control file is malformed/);

      await storage.delete(ExchangeLayout.outboundKey(1234, delivery.control.name));
      expect((await refusal()).message).toMatch(/no complete full delivery for destination 1234/);
    });
  });

  it('should refuse a data source without a destination', async () => {
    await expect(source.snapshot('7', { ...dataSource, destinationId: null })).rejects.toThrow(
      /no AAM destination id/,
    );
  });
});
