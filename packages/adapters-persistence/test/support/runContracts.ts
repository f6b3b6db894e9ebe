import {
  audienceRepositoryContract,
  dataSourceRepositoryContract,
  exportLedgerContract,
  profileRepositoryContract,
  reconciliationStoreContract,
  runRepositoryContract,
  targetingStoreContract,
  workflowRepositoryContract,
} from '@audience-bridge/domain/testing';
import { afterAll, beforeAll } from 'vitest';

import type { Persistence } from '../../src/index.js';
import type { TestDatabase } from './databases.js';

/**
 * Runs every storage contract kit of the domain against one database opened for the file; the kits
 * isolate their tests by organisation, so one database serves them all.
 */
export function runContracts(name: string, open: () => Promise<TestDatabase>): void {
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.dispose();
  });
  const ports = (): Persistence => {
    if (database === null) throw new Error('the database is opened before the tests');

    return database.persistence;
  };

  profileRepositoryContract(name, () => Promise.resolve({ repo: ports().profiles }));
  audienceRepositoryContract(name, () => Promise.resolve({ repo: ports().audiences }));
  reconciliationStoreContract(name, () =>
    Promise.resolve({
      store: ports().reconciliation,
      profiles: ports().profiles,
      audiences: ports().audiences,
    }),
  );
  runRepositoryContract(name, () => Promise.resolve({ repo: ports().runs }));
  dataSourceRepositoryContract(name, () => Promise.resolve({ repo: ports().dataSources }));
  exportLedgerContract(name, () => Promise.resolve({ ledger: ports().exportLedger }));
  targetingStoreContract(name, () =>
    Promise.resolve({ store: ports().targeting, profiles: ports().profiles, audiences: ports().audiences }),
  );
  workflowRepositoryContract(name, () => Promise.resolve({ repo: ports().workflows }));
}
