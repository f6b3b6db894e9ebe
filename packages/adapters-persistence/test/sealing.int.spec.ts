import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { SharedDataSource } from '@audience-bridge/domain';
import { afterEach, describe, expect, it } from 'vitest';

import { MasterKeySealer, openPersistence } from '../src/index.js';
import { rawSqlite } from './support/rawSqlite.js';

const aesSource: SharedDataSource = {
  id: 'ds-aes',
  label: 'CRM',
  dataSourceId: 1234,
  destinationId: null,
  reconciliationKey: 'email',
  channel: 'email',
  encryption: { algorithm: 'aes-256-cbc', key: 'ab'.repeat(32), iv: 'cd'.repeat(16) },
};

describe('MasterKeySealer', () => {
  it('having sealed a secret, when opened with the same key and owner, then it round-trips, with a fresh nonce each time', () => {
    const sealer = new MasterKeySealer('a master key of enough length');

    const first = sealer.seal('secret', 'org/ds/key');
    const second = sealer.seal('secret', 'org/ds/key');

    expect(first.startsWith('v1:')).toBe(true);
    expect(first).not.toBe(second);
    expect(sealer.open(first, 'org/ds/key')).toBe('secret');
  });

  it('having sealed a secret, when opened by another owner, another master key or after tampering, then it fails', () => {
    const sealer = new MasterKeySealer('a master key of enough length');
    const sealed = sealer.seal('secret', 'org/ds/key');
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;

    expect(() => sealer.open(sealed, 'org/other/key')).toThrow();
    expect(() => new MasterKeySealer('another master key, long too').open(sealed, 'org/ds/key')).toThrow();
    expect(() => sealer.open(`v1:${bytes.toString('base64')}`, 'org/ds/key')).toThrow();
  });
});

describe('data-source secrets at rest', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('having added an AES data source, when the table is read directly, then key and IV are sealed; get unseals and list omits them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ab-sealing-'));
    folders.push(folder);
    const file = join(folder, 'db.sqlite');
    const persistence = await openPersistence({
      url: `sqlite:${file}`,
      masterKey: 'a master key of enough length',
    });
    await persistence.dataSources.add('org-1', aesSource);

    const fetched = await persistence.dataSources.get('org-1', 'ds-aes');
    const listed = await persistence.dataSources.list('org-1');
    const otherOrg = await persistence.dataSources.get('org-2', 'ds-aes');
    await persistence.close();
    const [row] = await rawSqlite<{ sealed_key: string; sealed_iv: string }>(
      file,
      'select sealed_key, sealed_iv from data_sources',
    );

    expect(fetched).toEqual(aesSource);
    expect(listed).toEqual([{ ...aesSource, encryption: { algorithm: 'aes-256-cbc' } }]);
    expect(JSON.stringify(listed)).not.toContain('abab');
    expect(otherOrg).toBeNull();
    expect(row?.sealed_key.startsWith('v1:')).toBe(true);
    expect(row?.sealed_key).not.toContain('abab');
    expect(row?.sealed_iv).not.toContain('cdcd');
  });
});
