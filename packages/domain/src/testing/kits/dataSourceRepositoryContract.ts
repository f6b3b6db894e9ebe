import { describe, expect, it } from 'vitest';

import type { SharedDataSource } from '../../datasources/SharedDataSource.js';
import type { DataSourceRepository } from '../../ports/DataSourceRepository.js';
import { freshOrg, useFixture, type Closable } from './fixture.js';

const encrypted: SharedDataSource = {
  id: 'ds-email',
  label: 'Encrypted emails',
  dataSourceId: 123456,
  destinationId: 789,
  reconciliationKey: 'email',
  channel: 'email',
  encryption: {
    algorithm: 'aes-128-cbc',
    key: '00112233445566778899aabbccddeeff',
    iv: 'ffeeddccbbaa99887766554433221100',
  },
};

const plain: SharedDataSource = {
  id: 'ds-ecid',
  label: 'Visitor IDs',
  dataSourceId: 4242,
  destinationId: null,
  reconciliationKey: 'visitorId',
  channel: 'other',
  encryption: { algorithm: 'none' },
};

/** Proves a DataSourceRepository: `get` returns the key and IV, `list` never does, and orgs are apart. */
export function dataSourceRepositoryContract(
  name: string,
  factory: () => Promise<{ repo: DataSourceRepository } & Closable>,
): void {
  describe(`DataSourceRepository contract: ${name}`, () => {
    const fixture = useFixture(factory);

    it('returns the whole data source, key and IV included, from get', async () => {
      const { repo } = fixture();
      const org = freshOrg();

      await repo.add(org, encrypted);
      await repo.add(org, plain);

      expect(await repo.get(org, 'ds-email')).toEqual(encrypted);
      expect(await repo.get(org, 'ds-ecid')).toEqual(plain);
      expect(await repo.get(org, 'missing')).toBeNull();
    });

    it('lists summaries that never contain a key or IV', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      await repo.add(org, encrypted);
      await repo.add(org, plain);

      const listed = await repo.list(org);

      expect(listed.map((s) => s.id).sort()).toEqual(['ds-ecid', 'ds-email']);
      expect(listed.find((s) => s.id === 'ds-email')?.encryption).toEqual({ algorithm: 'aes-128-cbc' });
      const text = JSON.stringify(listed);
      expect(text).not.toContain('00112233445566778899aabbccddeeff');
      expect(text).not.toContain('ffeeddccbbaa99887766554433221100');
    });

    it('keeps each organisation’s data sources apart', async () => {
      const { repo } = fixture();
      const [mine, theirs] = [freshOrg(), freshOrg()];
      await repo.add(theirs, encrypted);

      expect(await repo.get(mine, 'ds-email')).toBeNull();
      expect(await repo.list(mine)).toEqual([]);
    });
  });
}
