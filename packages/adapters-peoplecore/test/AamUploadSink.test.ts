import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { DomainError } from '@audience-bridge/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  countLines,
  ExchangeLayout,
  parseControlFile,
  parseInboundLine,
  verifyAgainstControl,
} from '../src/formats/index.js';
import { AamUploadSink } from '../src/sink/AamUploadSink.js';
import { LocalDirectoryStorage } from '../src/storage/LocalDirectoryStorage.js';
import { dataSource } from './support/outbound.js';

const clock = { now: () => new Date('2024-03-05T10:00:00Z') };
const target = { sharedAudienceId: '4242', dataSource };

describe('AamUploadSink', () => {
  let directory: string;
  let storage: LocalDirectoryStorage;
  let sink: AamUploadSink;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'ab-sink-'));
    storage = new LocalDirectoryStorage(directory);
    sink = new AamUploadSink(storage, { maxFileBytes: 150_000 }, clock);
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('should write split gzip .sync files and their control file only on finish', async () => {
    const session = await sink.begin(target, 'upload-1');
    const ids = Array.from({ length: 9000 }, (_, i) => String(i).padStart(38, '0'));
    for (let start = 0; start < ids.length; start += 1000) await session.add(ids.slice(start, start + 1000));

    expect((await storage.list('inbound/date=')).filter((o) => o.key.endsWith('.info'))).toEqual([]);
    expect(await sink.status('upload-1')).toBe('unknown');
    const receipt = await session.finish();

    expect(receipt.records).toBe(9000);
    expect(receipt.files.length).toBeGreaterThan(1);
    expect(receipt.files[0]).toBe('inbound/date=2024-03-05/ftp_dpm_20914_1709632800.sync.1.gz');
    const control = parseControlFile(
      (await storage.get('inbound/date=2024-03-05/ftp_dpm_20914_1709632800.info'))!.toString(),
    );
    expect(control.ok).toBe(true);
    const sent: string[] = [];
    for (const entry of control.ok ? control.value.Files : []) {
      const stored = (await storage.get(`inbound/date=2024-03-05/${entry.FileName}`))!;
      const content = gunzipSync(stored);
      expect(verifyAgainstControl(entry, stored, countLines(content))).toBeNull();
      for (const [i, text] of content.toString().trim().split('\n').entries()) {
        const parsed = parseInboundLine(text, i + 1);
        expect(parsed).toMatchObject({ ok: true, value: { traits: ['4242'] } });
        if (parsed.ok) sent.push(parsed.value.userId);
      }
    }
    expect(sent).toEqual(ids);
    expect(await sink.status('upload-1')).toBe('delivered');
  });

  it('should report the service receipt, and refuse to deliver the same upload twice', async () => {
    const session = await sink.begin(target, 'upload-2');
    await session.add(['a', 'b']);
    await session.finish();

    await storage.put(
      ExchangeLayout.receiptKey('ftp_dpm_20914_1709632800'),
      JSON.stringify({
        deliveryName: 'ftp_dpm_20914_1709632800',
        status: 'failed',
        recordsReceived: 2,
        recordsProcessed: 0,
        formatErrors: 2,
      }),
    );

    expect(await sink.status('upload-2')).toBe('failed');
    await expect(sink.begin(target, 'upload-2')).rejects.toSatisfy((error) =>
      DomainError.is(error, 'CONFLICT'),
    );
  });

  it('should give uploads of the same second distinct delivery names', async () => {
    const first = await sink.begin(target, 'same-1');
    const second = await sink.begin(target, 'same-2');
    await first.add(['a']);
    await second.add(['b']);

    const [one, two] = [await first.finish(), await second.finish()];

    expect(one.files[0]).not.toBe(two.files[0]);
    expect(await sink.status('same-1')).toBe('delivered');
    expect(await sink.status('same-2')).toBe('delivered');
  });

  it('should leave nothing behind when aborted, even after a split closed', async () => {
    const session = await sink.begin(target, 'upload-3');
    for (let i = 0; i < 10; i += 1)
      await session.add(Array.from({ length: 1000 }, (_, j) => `user-${i}-${j}-padding-padding`));

    await session.abort();

    expect(await storage.list('inbound/')).toEqual([]);
    expect(await sink.status('upload-3')).toBe('unknown');
  });

  it('should refuse ids that would break the line format', async () => {
    const session = await sink.begin(target, 'upload-4');

    await expect(session.add(['ok', 'has space'])).rejects.toThrow(/whitespace/);
  });
});
