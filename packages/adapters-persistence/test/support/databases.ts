import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openPersistence, type Persistence } from '../../src/index.js';
import { createTestDatabase } from './postgres.js';

export const testMasterKey = 'test-master-key-0123456789abcdef';

/** A shared (imported) audience with nothing else set, for tests that reconcile into it. */
export const sharedAudience = (id: string) =>
  ({
    id,
    label: 'shared',
    type: 'shared',
    source: null,
    filter: null,
    createdBy: 'tester',
    createdAt: new Date(0),
  }) as const;

/** An opened database for one test file, and how to dispose of it completely. */
export interface TestDatabase {
  readonly persistence: Persistence;
  /** The URL the database was opened with, for a child process that opens it too. */
  readonly url: string;
  dispose(): Promise<void>;
}

/** A SQLite file in a fresh temporary folder. */
export async function openSqliteTestDatabase(): Promise<TestDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'ab-persistence-'));
  const url = `sqlite:${join(folder, 'nested', 'test.db')}`;
  const persistence = await openPersistence({ url, masterKey: testMasterKey });

  return {
    persistence,
    url,
    dispose: async () => {
      await persistence.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A fresh PostgreSQL database on the test server, dropped on dispose. */
export async function openPostgresTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  const persistence = await openPersistence({ url: database.url, masterKey: testMasterKey, poolSize: 4 });

  return {
    persistence,
    url: database.url,
    dispose: async () => {
      await persistence.close();
      await database.drop();
    },
  };
}
