import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ExchangeStorage } from '../src/storage/ExchangeStorage.js';
import { LocalDirectoryStorage } from '../src/storage/LocalDirectoryStorage.js';
import { parseS3Url } from '../src/storage/S3Storage.js';
import { startFakeS3 } from './support/fakeS3.js';

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function storageContract(name: string, make: () => Promise<ExchangeStorage>): void {
  describe(`${name} storage contract`, () => {
    let storage: ExchangeStorage;
    beforeAll(async () => {
      storage = await make();
    });

    it('should put, get, stream and tell existence', async () => {
      await storage.put('a/b/one.txt', 'hello');

      expect((await storage.get('a/b/one.txt'))?.toString()).toBe('hello');
      expect((await readAll((await storage.getStream('a/b/one.txt'))!)).toString()).toBe('hello');
      expect(await storage.exists('a/b/one.txt')).toBe(true);
      expect(await storage.exists('a/b/missing.txt')).toBe(false);
      expect(await storage.get('a/b/missing.txt')).toBeNull();
      expect(await storage.getStream('a/b/missing.txt')).toBeNull();
    });

    it('should list every object under a prefix, at any depth, sorted, with sizes', async () => {
      await storage.put('list/z.txt', 'zz');
      await storage.put('list/deep/a.txt', 'a');
      await storage.put('listing-elsewhere.txt', 'x');

      const listed = await storage.list('list/');

      expect(listed).toEqual([
        { key: 'list/deep/a.txt', size: 1 },
        { key: 'list/z.txt', size: 2 },
      ]);
      expect(await storage.list('nothing-here/')).toEqual([]);
    });

    it('should show a written object only once closed, and never when aborted', async () => {
      const big = randomBytes(9 * 1024 * 1024);
      const writer = await storage.openWriter('w/big.bin');
      await writer.write(big.subarray(0, 6 * 1024 * 1024));
      await writer.write(big.subarray(6 * 1024 * 1024));

      expect(await storage.exists('w/big.bin')).toBe(false);
      await writer.close();
      expect((await storage.get('w/big.bin'))?.equals(big)).toBe(true);

      const aborted = await storage.openWriter('w/aborted.bin');
      await aborted.write(Buffer.from('partial'));
      await aborted.abort();
      expect(await storage.exists('w/aborted.bin')).toBe(false);
      expect((await storage.list('w/')).map((object) => object.key)).toEqual(['w/big.bin']);
    });

    it('should delete, and refuse keys that escape the root', async () => {
      await storage.put('d/gone.txt', 'x');

      await storage.delete('d/gone.txt');

      expect(await storage.exists('d/gone.txt')).toBe(false);
      await expect(storage.put('../escape.txt', 'x')).rejects.toThrow(/not a valid exchange key/);
      await expect(storage.get('/abs')).rejects.toThrow(/not a valid exchange key/);
    });
  });
}

let directory = '';
const s3 = startFakeS3();

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  await (await s3).stop();
});

storageContract('local directory', async () => {
  directory = await mkdtemp(join(tmpdir(), 'ab-exchange-'));
  return new LocalDirectoryStorage(directory);
});

storageContract('S3 (s3rver)', async () => (await s3).storage('contract/run'));

describe('s3 addresses', () => {
  it('should split bucket and prefix', () => {
    expect(parseS3Url('s3://bucket/some/prefix')).toEqual({ bucket: 'bucket', prefix: 'some/prefix/' });
    expect(parseS3Url('s3://bucket')).toEqual({ bucket: 'bucket', prefix: '' });
    expect(() => parseS3Url('https://bucket')).toThrow(/s3:\/\//);
  });
});
