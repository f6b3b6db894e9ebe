import { randomBytes } from 'node:crypto';

import { knex, type Knex } from '@mikro-orm/knex';

/** The PostgreSQL server the reliability suites use (`AB_TEST_POSTGRES_URL`). */
export const postgresServerUrl =
  process.env['AB_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

function onDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withAdmin<T>(work: (client: Knex) => Promise<T>): Promise<T> {
  const client = knex({
    client: 'pg',
    connection: {
      connectionString: onDatabase(postgresServerUrl, 'postgres'),
      connectionTimeoutMillis: 2000,
    },
    pool: { min: 0, max: 1 },
  });
  try {
    return await work(client);
  } finally {
    await client.destroy();
  }
}

/**
 * Whether the PostgreSQL half of a suite runs. When the server does not answer, it says so on the
 * console and skips, unless REQUIRE_POSTGRES=1, which turns the skip into a failure.
 */
export async function postgresAvailable(): Promise<boolean> {
  const reachable = await withAdmin((client) => client.raw('select 1')).then(
    () => true,
    () => false,
  );
  if (reachable) return true;

  const notice = `PostgreSQL is not reachable at ${postgresServerUrl} (set AB_TEST_POSTGRES_URL)`;
  if (process.env['REQUIRE_POSTGRES'] === '1')
    throw new Error(`${notice}; REQUIRE_POSTGRES=1 forbids skipping`);
  console.warn(`${notice}: the PostgreSQL reliability runs are SKIPPED`);
  return false;
}

/** A fresh database for one test file, dropped by `drop`. */
export async function freshDatabase(): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `ab_rel_${randomBytes(5).toString('hex')}`;
  await withAdmin((client) => client.raw(`create database ${name}`));
  return {
    url: onDatabase(postgresServerUrl, name),
    drop: () =>
      withAdmin((client) => client.raw(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
