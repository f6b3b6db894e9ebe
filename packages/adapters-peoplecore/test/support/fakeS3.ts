import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import S3rver from 's3rver';

import { S3Storage } from '../../src/storage/S3Storage.js';

/** A fake S3 on loopback with a random port, and a storage pointing at a fresh prefix of its bucket. */
export async function startFakeS3(): Promise<{
  endpoint: string;
  storage: (prefix: string) => S3Storage;
  stop: () => Promise<void>;
}> {
  const directory = await mkdtemp(join(tmpdir(), 'ab-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: 'exchange' }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const made: S3Storage[] = [];
  return {
    endpoint,
    storage: (prefix) => {
      const storage = new S3Storage({
        url: `s3://exchange/${prefix}`,
        endpoint,
        forcePathStyle: true,
        region: 'us-east-1',
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      made.push(storage);
      return storage;
    },
    stop: async () => {
      for (const storage of made) storage.close();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
