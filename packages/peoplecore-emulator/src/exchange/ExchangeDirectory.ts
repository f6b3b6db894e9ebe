import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The exchange directory seen through the keys of the shared layout (`outbound/…`, `inbound/…`).
 * Every write goes through a temporary name and a rename, so a reader never sees half a file.
 */
export class ExchangeDirectory {
  private writes = 0;

  constructor(readonly root: string) {}

  pathOf(key: string): string {
    return join(this.root, ...key.split('/'));
  }

  async write(key: string, bytes: Uint8Array | string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    this.writes += 1;
    const temporary = `${path}.tmp-${process.pid}-${this.writes}`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }

  async read(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await stat(this.pathOf(key));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** Names of the entries directly under a folder key (ending in `/`), without temporary files; sorted. */
  async list(folder: string): Promise<string[]> {
    try {
      const names = await readdir(this.pathOf(folder.replace(/\/$/, '')));
      return names.filter((name) => !name.includes('.tmp-')).sort();
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
