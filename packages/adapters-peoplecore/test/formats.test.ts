import { gunzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import {
  buildControlFile,
  buildOutboundDelivery,
  countLines,
  ExchangeLayout,
  formatInboundFileName,
  formatInboundLine,
  formatOutboundFileName,
  formatOutboundLine,
  InboundFileSetWriter,
  parseControlFile,
  parseInboundFileName,
  parseInboundLine,
  parseOutboundFileName,
  parseOutboundLine,
  verifyAgainstControl,
} from '../src/formats/index.js';

describe('outbound files', () => {
  it('should round-trip the documented example name', () => {
    const name = 'S3_1234_20914_AudienceBridge_iter_1486140844000001.sync.gz';

    const parts = parseOutboundFileName(name);

    expect(parts).toEqual({
      syncType: 'S3',
      destinationId: 1234,
      masterDpid: 20914,
      pidAlias: 'AudienceBridge',
      mode: 'iter',
      timestampMs: 1486140844000,
      split: 1,
      gzip: true,
    });
    expect(formatOutboundFileName(parts!)).toBe(name);
  });

  it('should refuse names that are not outbound files', () => {
    expect(parseOutboundFileName('S3_1234_20914_X_iter_1486140844000000.sync')).toBeNull();
    expect(parseOutboundFileName('S3_1234_20914_X_daily_1486140844000001.sync')).toBeNull();
    expect(parseOutboundFileName('S3_1234_20914_X_full_1486140844000001.info')).toBeNull();
  });

  it('should round-trip lines with and without a removed column', () => {
    const lines = [
      {
        userId: '59767559181262060060278870901087098252',
        segments: ['24', '26', '27'],
        removed: ['25', '28'],
      },
      { userId: 'u-2', segments: ['24'], removed: [] },
      { userId: 'u-3', segments: [], removed: ['24'] },
    ];

    const parsed = lines.map((line, index) => parseOutboundLine(formatOutboundLine(line), index + 1));

    expect(parsed).toEqual(lines.map((value) => ({ ok: true, value })));
  });

  it('should report malformed lines with their number', () => {
    expect(parseOutboundLine('only-a-user', 7)).toMatchObject({ ok: false, lineNumber: 7 });
    expect(parseOutboundLine('u 1,x2 3', 8)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('x2'),
    });
    expect(parseOutboundLine(' 1 2', 9)).toMatchObject({ ok: false });
  });
});

describe('inbound files', () => {
  it('should round-trip names with target DPID, split and gzip', () => {
    const parts = {
      dpid: 20914,
      targetDpid: 777,
      timestampSec: 1700000000,
      mode: 'sync',
      split: 2,
      gzip: true,
    } as const;

    const name = formatInboundFileName(parts);

    expect(name).toBe('ftp_dpm_20914_777_1700000000.sync.2.gz');
    expect(parseInboundFileName(name)).toEqual(parts);
    expect(parseInboundFileName('ftp_dpm_21_1700000000.overwrite')).toMatchObject({
      mode: 'overwrite',
      split: null,
    });
    expect(parseInboundFileName('ftp_dpm_21_170000000.sync')).toBeNull();
  });

  it('should parse every documented trait token', () => {
    const parsed = parseInboundLine('user-1\td_sid=1,d_unsid=2,3,4:0,5:-1,ic=9,k=v', 1);

    expect(parsed).toEqual({
      ok: true,
      value: { userId: 'user-1', traits: ['1', '3'], removed: ['2', '4', '5'], signals: ['ic=9', 'k=v'] },
    });
    expect(parseInboundLine(formatInboundLine('u', ['7', '8']), 1)).toMatchObject({
      ok: true,
      value: { traits: ['7', '8'] },
    });
    expect(parseInboundLine('u d_sid=1', 3)).toMatchObject({ ok: false, lineNumber: 3 });
    expect(parseInboundLine('u\td_sid=abc', 4)).toMatchObject({ ok: false });
  });

  it('should split files under the size limit and describe each in the control file', () => {
    const writer = new InboundFileSetWriter({
      dpid: 21,
      timestampSec: 1700000000,
      maxFileBytes: 200_000,
      blockBytes: 50_000,
    });
    for (let i = 0; i < 20_000; i += 1) writer.add(`user-${i}`, ['555']);

    const set = writer.finish();
    const chunks = writer.takeChunks();

    const files = new Map<string, Buffer[]>();
    for (const chunk of chunks)
      files.set(chunk.fileName, [...(files.get(chunk.fileName) ?? []), chunk.bytes]);
    expect(set.files.length).toBeGreaterThan(1);
    expect(set.control.control.Totals.TotalNumberLines).toBe(20_000);
    const users: string[] = [];
    for (const entry of set.files) {
      const stored = Buffer.concat(files.get(entry.FileName)!);
      const content = gunzipSync(stored);
      expect(content.length).toBeLessThanOrEqual(200_000);
      expect(verifyAgainstControl(entry, stored, countLines(content))).toBeNull();
      users.push(
        ...content
          .toString()
          .trim()
          .split('\n')
          .map((line) => line.split('\t')[0]!),
      );
    }
    expect(users).toEqual(Array.from({ length: 20_000 }, (_, i) => `user-${i}`));
    expect(set.control.name).toBe('ftp_dpm_21_1700000000.info');
  });

  it('should split a line that would pass 102,400 bytes into several lines of the same user', () => {
    const writer = new InboundFileSetWriter({ dpid: 21, timestampSec: 1700000000, gzip: false });
    const traits = Array.from({ length: 12_000 }, (_, i) => String(1_000_000 + i));

    writer.add('big-user', traits);
    writer.finish();
    const content = Buffer.concat(writer.takeChunks().map((chunk) => chunk.bytes)).toString();

    const lines = content.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(102_400);
    const parsed = lines.map((line, i) => parseInboundLine(line, i + 1));
    expect(parsed.flatMap((result) => (result.ok ? result.value.traits : []))).toEqual(traits);
  });

  it('should refuse a file limit above 5 GiB', () => {
    expect(
      () => new InboundFileSetWriter({ dpid: 1, timestampSec: 1700000000, maxFileBytes: 6 * 1024 ** 3 }),
    ).toThrow(/5 GiB/);
  });
});

describe('control files', () => {
  const delivery = buildOutboundDelivery(
    {
      syncType: 'S3',
      destinationId: 9,
      masterDpid: 20914,
      pidAlias: 'AB',
      mode: 'full',
      timestampMs: 1486140844000,
      gzip: true,
      maxLinesPerFile: 2,
    },
    [
      { userId: 'a', segments: ['1'], removed: [] },
      { userId: 'b', segments: ['1', '2'], removed: [] },
      { userId: 'c', segments: ['2'], removed: [] },
    ],
  );

  it('should describe the stored (compressed) bytes and the uncompressed lines', () => {
    const parsed = parseControlFile(delivery.control.text);

    expect(delivery.control.name).toBe('S3_9_20914_AB_full_1486140844000.info');
    expect(parsed.ok && parsed.value.Files.map((file) => [file.FileName, file.FileLineCount])).toEqual([
      ['S3_9_20914_AB_full_1486140844000001.sync.gz', 2],
      ['S3_9_20914_AB_full_1486140844000002.sync.gz', 1],
    ]);
    for (const [index, file] of delivery.files.entries()) {
      const entry = delivery.control.control.Files[index]!;
      expect(verifyAgainstControl(entry, file.bytes, countLines(gunzipSync(file.bytes)))).toBeNull();
    }
  });

  it('should name each kind of mismatch', () => {
    const file = delivery.files[0]!;
    const entry = delivery.control.control.Files[0]!;
    const flipped = Buffer.from(file.bytes);
    flipped[flipped.length - 1] = flipped.at(-1)! ^ 0xff;

    expect(verifyAgainstControl(entry, file.bytes.subarray(0, -3), 2)).toMatch(
      /bytes stored, control file says/,
    );
    expect(verifyAgainstControl(entry, flipped, 2)).toMatch(/md5/);
    expect(verifyAgainstControl(entry, file.bytes, 1)).toMatch(/1 lines, control file says 2/);
  });

  it('should refuse malformed or inconsistent control files', () => {
    const lying = {
      ...delivery.control.control,
      Totals: { ...delivery.control.control.Totals, TotalNumberLines: 99 },
    };

    expect(parseControlFile('{')).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
    expect(parseControlFile('{"Files":[{}]}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Files.0'),
    });
    expect(parseControlFile(JSON.stringify(lying))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('99'),
    });
    expect(buildControlFile('x', []).control.Totals).toEqual({
      FileName: 'x.info',
      TotalByteSize: 0,
      TotalNumberFiles: 0,
      TotalNumberLines: 0,
    });
  });

  it('should count a final unterminated line', () => {
    expect(countLines(Buffer.from('a\nb'))).toBe(2);
    expect(countLines(Buffer.from('a\nb\n'))).toBe(2);
    expect(countLines(Buffer.alloc(0))).toBe(0);
  });
});

describe('exchange layout', () => {
  it('should place files by destination, by UTC date and receipts by delivery', () => {
    expect(ExchangeLayout.outboundKey(1234, 'f.sync')).toBe('outbound/1234/f.sync');
    expect(ExchangeLayout.inboundKey(new Date('2024-03-05T23:59:00Z'), 'f.sync')).toBe(
      'inbound/date=2024-03-05/f.sync',
    );
    expect(ExchangeLayout.receiptKey('ftp_dpm_21_1700000000')).toBe(
      'inbound/receipts/ftp_dpm_21_1700000000.json',
    );
  });
});
