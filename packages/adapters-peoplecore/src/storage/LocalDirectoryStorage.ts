import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

import { checkKey } from './checkKey.js';
import type { ExchangeStorage, ObjectWriter, StoredObject } from './ExchangeStorage.js';

const partialDir = '.partial';

const isMissing = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');

/** The exchange as a local directory; writes go to `.partial/` and are renamed into place. */
export class LocalDirectoryStorage implements ExchangeStorage {
  constructor(private readonly root: string) {}

  get location(): string {
    return this.root;
  }

  async put(key: string, body: Buffer | string): Promise<void> {
    const writer = await this.openWriter(key);
    await writer.write(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
    await writer.close();
  }

  async openWriter(key: string): Promise<ObjectWriter> {
    const target = this.path(key);
    const temp = join(this.root, partialDir, randomUUID());
    await mkdir(dirname(temp), { recursive: true });
    const handle = await open(temp, 'w');
    return new LocalWriter(handle, temp, target);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async getStream(key: string): Promise<AsyncIterable<Buffer> | null> {
    const path = this.path(key);
    if (!(await this.exists(key))) return null;
    return createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    await this.walk(this.root, found);
    return found.filter((object) => object.key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private path(key: string): string {
    return join(this.root, ...checkKey(key).split('/'));
  }

  private async walk(directory: string, found: StoredObject[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory() && !(directory === this.root && entry.name === partialDir))
        await this.walk(path, found);
      if (entry.isFile())
        found.push({ key: relative(this.root, path).split(sep).join('/'), size: (await stat(path)).size });
    }
  }
}

class LocalWriter implements ObjectWriter {
  constructor(
    private readonly handle: FileHandle,
    private readonly temp: string,
    private readonly target: string,
  ) {}

  async write(chunk: Buffer): Promise<void> {
    await this.handle.write(chunk);
  }

  async close(): Promise<void> {
    await this.handle.sync();
    await this.handle.close();
    await mkdir(dirname(this.target), { recursive: true });
    await rename(this.temp, this.target);
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}
