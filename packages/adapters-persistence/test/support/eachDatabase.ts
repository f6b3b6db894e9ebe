import { afterAll, beforeAll, describe } from 'vitest';

import type { Persistence } from '../../src/index.js';
import { openPostgresTestDatabase, openSqliteTestDatabase, type TestDatabase } from './databases.js';
import { postgresEnabled } from './postgres.js';

const postgres = await postgresEnabled();

/** Declares the same suite on SQLite and on PostgreSQL, each with its own database opened for the suite. */
export function describeEachDatabase(
  title: string,
  suite: (ports: () => Persistence, url: () => string) => void,
): void {
  const targets: [string, () => Promise<TestDatabase>, boolean][] = [
    ['SQLite', openSqliteTestDatabase, true],
    ['PostgreSQL', openPostgresTestDatabase, postgres],
  ];
  for (const [name, open, enabled] of targets) {
    describe.skipIf(!enabled)(`${title} on ${name}`, () => {
      let database: TestDatabase | null = null;
      beforeAll(async () => {
        database = await open();
      });
      afterAll(async () => {
        await database?.dispose();
      });

      const opened = (): TestDatabase => {
        if (database === null) throw new Error('the database is opened before the tests');

        return database;
      };
      suite(
        () => opened().persistence,
        () => opened().url,
      );
    });
  }
}
