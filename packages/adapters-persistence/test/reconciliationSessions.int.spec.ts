import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Profile } from '@audience-bridge/domain';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { MikroORM } from '@mikro-orm/core';
import { knex } from '@mikro-orm/knex';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { afterAll, describe, expect, it } from 'vitest';

import { allEntities, migrationsList, openPersistence, type Persistence } from '../src/index.js';
import { sharedAudience, testMasterKey } from './support/databases.js';
import { createTestDatabase, postgresEnabled } from './support/postgres.js';

const postgres = await postgresEnabled();

const person = (key: string, email: string): Profile => ({
  key,
  email,
  mobilePhone: null,
  visitorId: null,
  customKeys: {},
  attributes: {},
  optOut: { all: false, email: false, sms: false },
});

/** A database of its own per test, on SQLite or PostgreSQL, all removed after the file. */
function freshDatabases(dialect: 'sqlite' | 'postgresql'): () => Promise<string> {
  const disposals: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const dispose of disposals) await dispose();
  });

  return async () => {
    if (dialect === 'postgresql') {
      const database = await createTestDatabase();
      disposals.push(() => database.drop());

      return database.url;
    }
    const folder = mkdtempSync(join(tmpdir(), 'ab-sessions-'));
    disposals.push(() => {
      rmSync(folder, { recursive: true, force: true });

      return Promise.resolve();
    });

    return `sqlite:${join(folder, 'ab.db')}`;
  };
}

/** Creates the schema of the first migration only, with a row left in its shared staging table. */
async function createdByFirstMigration(url: string): Promise<void> {
  const common = {
    entities: allEntities,
    extensions: [Migrator],
    allowGlobalContext: false,
    migrations: { migrationsList: migrationsList.slice(0, 1), snapshot: false, silent: true },
  };
  const orm = url.startsWith('sqlite:')
    ? await MikroORM.init({ ...common, driver: BetterSqliteDriver, dbName: url.slice('sqlite:'.length) })
    : await MikroORM.init({ ...common, driver: PostgreSqlDriver, clientUrl: url });
  try {
    await orm.migrator.up();
    await orm.em
      .getConnection()
      .execute(
        "insert into reconciliation_staging (org, session_id, raw, field, value) values ('o', 's', 'r', 'email', 'r')",
      );
  } finally {
    await orm.close(true);
  }
}

/** Whether a table exists, read around the adapter. */
async function tableExists(url: string, table: string): Promise<boolean> {
  const client = url.startsWith('sqlite:')
    ? knex({
        client: 'better-sqlite3',
        connection: { filename: url.slice('sqlite:'.length) },
        useNullAsDefault: true,
      })
    : knex({ client: 'pg', connection: url });
  try {
    const found: unknown = await client.raw(
      url.startsWith('sqlite:')
        ? 'select name from sqlite_master where name = ?'
        : 'select tablename as name from pg_tables where tablename = ?',
      [table],
    );
    const rows = Array.isArray(found) ? found : (found as { rows: unknown[] }).rows;

    return rows.length > 0;
  } finally {
    await client.destroy();
  }
}

async function reconcileOneOfTwo(persistence: Persistence, org: string): Promise<unknown> {
  await persistence.profiles.upsertMany(org, [person('p1', 'a@x.io')]);
  await persistence.audiences.create(org, sharedAudience('aud'));
  const session = await persistence.reconciliation.begin(org, 'aud');
  await session.stage([
    { raw: 'a@x.io', field: 'email', value: 'a@x.io' },
    { raw: 'b@x.io', field: 'email', value: 'b@x.io' },
  ]);
  const outcome = await session.complete();
  await session.close();

  return outcome;
}

const targets: ['sqlite' | 'postgresql', string, boolean][] = [
  ['sqlite', 'SQLite', true],
  ['postgresql', 'PostgreSQL', postgres],
];

for (const [dialect, name, enabled] of targets) {
  describe.skipIf(!enabled)(`reconciliation sessions on ${name}`, () => {
    const fresh = freshDatabases(dialect);

    it('having a database created by the first migration, when opened, then the shared staging table is gone and reconciliation works', async () => {
      const url = await fresh();
      await createdByFirstMigration(url);

      const persistence = await openPersistence({ url, masterKey: testMasterKey });
      try {
        expect(await reconcileOneOfTwo(persistence, 'upgraded')).toMatchObject({
          staged: 2,
          reconciled: 1,
          unreconciled: 1,
          members: 1,
        });
      } finally {
        await persistence.close();
      }
      expect(await tableExists(url, 'reconciliation_staging')).toBe(false);
    });

    it('having a session never closed, when the persistence closes, then the session can stage no more', async () => {
      const url = await fresh();
      const persistence = await openPersistence({ url, masterKey: testMasterKey });
      await persistence.audiences.create('left-open', sharedAudience('aud'));
      const session = await persistence.reconciliation.begin('left-open', 'aud');
      await session.stage([{ raw: 'a@x.io', field: 'email', value: 'a@x.io' }]);

      await persistence.close();

      await expect(session.stage([{ raw: 'b@x.io', field: 'email', value: 'b@x.io' }])).rejects.toThrow();
    });
  });
}
