import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { knex } from '@mikro-orm/knex';

/** A database made for one scenario: where it is, and how to remove it afterwards. */
export interface BenchDatabase {
  readonly label: 'SQLite' | 'PostgreSQL';
  readonly dialect: 'sqlite' | 'postgresql';
  readonly url: string;
  dispose(): Promise<void>;
}

/** The master key bench databases seal data-source keys with. */
export const BENCH_MASTER_KEY = 'audience-bridge bench master key, not a secret';

/** The server PostgreSQL rows run on; each scenario creates a fresh database on it. */
export const postgresServerUrl =
  process.env['AB_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A SQLite file in a fresh temporary folder, removed with the folder. */
export function openSqliteDatabase(name = 'bench'): Promise<BenchDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'ab-bench-'));
  const dispose = (): Promise<void> => {
    rmSync(folder, { recursive: true, force: true });

    return Promise.resolve();
  };

  return Promise.resolve({
    label: 'SQLite',
    dialect: 'sqlite',
    url: `sqlite:${join(folder, `${name}.db`)}`,
    dispose,
  });
}

const onDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;

  return parsed.toString();
};

async function onAdminDatabase(statement: string): Promise<void> {
  const admin = knex({
    client: 'pg',
    connection: {
      connectionString: onDatabase(postgresServerUrl, 'postgres'),
      connectionTimeoutMillis: 3000,
    },
    pool: { min: 0, max: 1 },
  });
  try {
    await admin.raw(statement);
  } finally {
    await admin.destroy();
  }
}

/** A fresh PostgreSQL database, dropped on dispose; a reason string when the server cannot be reached. */
export async function openPostgresDatabase(): Promise<BenchDatabase | string> {
  const name = `ab_bench_${randomBytes(5).toString('hex')}`;
  try {
    await onAdminDatabase(`create database ${name}`);
  } catch (error) {
    return `PostgreSQL unreachable at ${new URL(postgresServerUrl).host} (${error instanceof Error ? error.message : String(error)})`;
  }

  return {
    label: 'PostgreSQL',
    dialect: 'postgresql',
    url: onDatabase(postgresServerUrl, name),
    dispose: () => onAdminDatabase(`drop database if exists ${name} with (force)`),
  };
}
