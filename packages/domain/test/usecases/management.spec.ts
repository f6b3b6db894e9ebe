import { describe, expect, it } from 'vitest';

import { ManageDataSources, UpsertProfiles } from '../../src/index.js';
import { aes, crmSource, emailSource, ims, local, world } from './world.js';

describe('managing data sources', () => {
  it('refuses a bad key, a non-positive DPID and a key that does not fit the channel, listing every problem', async () => {
    const ports = await world();
    const manage = new ManageDataSources(ports);

    const badKey = await manage.add(ims, {
      ...emailSource,
      id: 'ds-2',
      encryption: { ...aes, key: 'abcd' },
    });
    const bad = await manage.add(ims, {
      ...emailSource,
      id: 'ds-3',
      dataSourceId: 0,
      reconciliationKey: 'mobilePhone',
    });
    const duplicate = await manage.add(ims, crmSource);

    expect(!badKey.ok && badKey.error.code).toBe('DATASOURCE.INVALID_ENCRYPTION');
    expect(!bad.ok && bad.error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(!bad.ok && bad.error.details['issues']).toHaveLength(2);
    expect(!duplicate.ok && duplicate.error.code).toBe('CONFLICT');
  });

  it('shows and lists data sources without their key or IV', async () => {
    const ports = await world();
    const manage = new ManageDataSources(ports);

    const shown = await manage.show(local, 'ds-email');
    const listed = await manage.list(local);

    expect(shown.ok && shown.value.encryption).toEqual({ algorithm: 'aes-128-cbc' });
    expect(JSON.stringify(listed)).not.toContain('00112233445566778899aabbccddeeff');
  });
});

describe('upserting profiles', () => {
  it('keeps the valid rows of a batch that holds bad ones and reports each bad row by index', async () => {
    const ports = await world();
    const upsert = new UpsertProfiles({ profiles: ports.profiles, batchSize: 2 });

    const result = await upsert.execute(ims, [
      { key: 'n1', email: 'N1@x.io' },
      { email: 'no key' },
      { key: 'p1', email: 'ann@x.io' },
    ]);

    expect(result.ok && result.value).toMatchObject({ read: 3, inserted: 1, updated: 1 });
    expect(result.ok && result.value.rejected.map((r) => r.index)).toEqual([1]);
    expect((await ports.profiles.findByKeys('org-a', ['n1']))[0]?.email).toBe('n1@x.io');
  });
});
