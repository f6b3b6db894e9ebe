import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PortTokens } from '@audience-bridge/domain';
import { Container } from 'inversify';
import { afterEach, describe, expect, it } from 'vitest';

import { openPersistence, persistenceModule, PersistenceToken } from '../src/index.js';
import { rawSqlite } from './support/rawSqlite.js';

describe('openPersistence on SQLite', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const freshFile = (): string => {
    const folder = mkdtempSync(join(tmpdir(), 'ab-open-'));
    folders.push(folder);

    return join(folder, 'deeper', 'still', 'ab.db');
  };

  it('having a path in missing folders, when opened twice, then the folders exist, WAL is on and the migration ran once', async () => {
    const file = freshFile();

    await (
      await openPersistence({ url: `sqlite:${file}`, masterKey: 'a master key of enough length' })
    ).close();
    const again = await openPersistence({
      url: `sqlite:${file}`,
      masterKey: 'a master key of enough length',
    });
    await again.close();
    const journal = await rawSqlite<{ journal_mode: string }>(file, 'pragma journal_mode');
    const applied = await rawSqlite<{ name: string }>(file, 'select name from mikro_orm_migrations');

    expect(existsSync(file)).toBe(true);
    expect(journal).toEqual([{ journal_mode: 'wal' }]);
    expect(applied).toEqual([{ name: 'Migration0001Init' }, { name: 'Migration0002DropSharedStaging' }]);
  });

  it('having a bad URL or a short master key, when opening, then it fails before touching a database', async () => {
    await expect(
      openPersistence({ url: 'mysql://x', masterKey: 'a master key of enough length' }),
    ).rejects.toThrow(/sqlite:<path> or postgres/);
    await expect(openPersistence({ url: `sqlite:${freshFile()}`, masterKey: 'short' })).rejects.toThrow(
      /master key/,
    );
  });

  it('having opened a database, when its container module is loaded, then every storage port resolves under its domain token', async () => {
    const persistence = await openPersistence({
      url: `sqlite:${freshFile()}`,
      masterKey: 'a master key of enough length',
    });
    const container = new Container();

    container.load(persistenceModule(persistence));

    expect(container.get(PortTokens.ProfileRepository)).toBe(persistence.profiles);
    expect(container.get(PortTokens.AudienceRepository)).toBe(persistence.audiences);
    expect(container.get(PortTokens.ReconciliationStore)).toBe(persistence.reconciliation);
    expect(container.get(PortTokens.RunRepository)).toBe(persistence.runs);
    expect(container.get(PortTokens.DataSourceRepository)).toBe(persistence.dataSources);
    expect(container.get(PortTokens.ExportLedger)).toBe(persistence.exportLedger);
    expect(container.get(PortTokens.TargetingStore)).toBe(persistence.targeting);
    expect(container.get(PortTokens.WorkflowRepository)).toBe(persistence.workflows);
    expect(container.get(PersistenceToken)).toBe(persistence);
    await persistence.close();
  });
});
