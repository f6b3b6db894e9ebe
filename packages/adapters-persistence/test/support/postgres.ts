import { randomBytes } from 'node:crypto';

import { knex } from '@mikro-orm/knex';

/** The PostgreSQL server the integration tests use; any database on it names the server. */
export const postgresServerUrl =
  process.env['AB_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;

  return parsed.toString();
};

const admin = () =>
  knex({
    client: 'pg',
    connection: {
      connectionString: withDatabase(postgresServerUrl, 'postgres'),
      connectionTimeoutMillis: 2000,
    },
    pool: { min: 0, max: 1 },
  });

async function reachable(): Promise<boolean> {
  const client = admin();
  try {
    await client.raw('select 1');

    return true;
  } catch {
    return false;
  } finally {
    await client.destroy();
  }
}

/**
 * Whether PostgreSQL tests run: true when the server answers. When it does not, the suite is skipped
 * with a visible notice, unless REQUIRE_POSTGRES=1, which makes the test file fail instead.
 */
export async function postgresEnabled(): Promise<boolean> {
  if (await reachable()) return true;

  const notice = `PostgreSQL is not reachable at ${postgresServerUrl} (set AB_TEST_POSTGRES_URL)`;
  if (process.env['REQUIRE_POSTGRES'] === '1')
    throw new Error(`${notice}; REQUIRE_POSTGRES=1 forbids skipping`);
  console.warn(`${notice}: PostgreSQL tests are SKIPPED`);

  return false;
}

/** A fresh database for one test file, so parallel files never see each other; `drop` removes it. */
export async function createTestDatabase(): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `ab_${randomBytes(6).toString('hex')}`;
  const client = admin();
  try {
    await client.raw(`create database ${name}`);
  } finally {
    await client.destroy();
  }

  return {
    url: withDatabase(postgresServerUrl, name),
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
