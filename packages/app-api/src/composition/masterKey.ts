import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DomainError } from '@audience-bridge/domain';

import type { Config } from '../config/Config.js';

/**
 * The key that seals data-source secrets at rest. On the embedded default (SQLite) a key is generated
 * once into the data folder, readable by the owner only; PostgreSQL deployments must configure one.
 */
export function resolveMasterKey(config: Config): string {
  if (config.AB_MASTER_KEY !== undefined) return config.AB_MASTER_KEY;
  if (!config.AB_DATABASE_URL.startsWith('sqlite:')) {
    throw new DomainError(
      'VALIDATION.INVALID_INPUT',
      'AB_MASTER_KEY is required with PostgreSQL: set it to a random string of at least 32 characters, the same on every instance',
    );
  }

  const path = join(config.AB_DATA_DIR, 'master.key');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();

  mkdirSync(config.AB_DATA_DIR, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}
