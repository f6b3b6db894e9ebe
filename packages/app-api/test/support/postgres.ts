import { randomBytes } from 'node:crypto';

import { knex } from '@mikro-orm/knex';

/** The PostgreSQL server the distributed-shape tests use. */
export const postgresServerUrl =
  process.env['AB_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const onDatabase = (database: string): string => {
  const url = new URL(postgresServerUrl);
  url.pathname = `/${database}`;

  return url.toString();
};

const admin = () =>
  knex({
    client: 'pg',
    connection: { connectionString: onDatabase('postgres'), connectionTimeoutMillis: 2000 },
    pool: { min: 0, max: 1 },
  });

/** True when PostgreSQL answers; otherwise a visible notice, or a failure under REQUIRE_POSTGRES=1. */
export async function postgresEnabled(): Promise<boolean> {
  const client = admin();
  try {
    await client.raw('select 1');
    return true;
  } catch {
    const notice = `PostgreSQL is not reachable at ${postgresServerUrl} (set AB_TEST_POSTGRES_URL)`;
    if (process.env['REQUIRE_POSTGRES'] === '1')
      throw new Error(`${notice}; REQUIRE_POSTGRES=1 forbids skipping`);
    console.warn(`${notice}: the distributed-shape tests are SKIPPED`);
    return false;
  } finally {
    await client.destroy();
  }
}

/** A fresh database for one test file; `drop` removes it. */
export async function createTestDatabase(): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `ab_api_${randomBytes(5).toString('hex')}`;
  const client = admin();
  try {
    await client.raw(`create database ${name}`);
  } finally {
    await client.destroy();
  }

  return {
    url: onDatabase(name),
    drop: async () => {
      const dropper = admin();
      try {
        await dropper.raw(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.destroy();
      }
    },
  };
}
