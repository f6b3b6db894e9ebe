import { describe, expect, it } from 'vitest';

import type { SharedAudienceCatalog } from '../../ports/PeopleCore.js';
import { useFixture, type Closable } from './fixture.js';

/** Proves a SharedAudienceCatalog: a created segment can be read back and is listed. */
export function sharedAudienceCatalogContract(
  name: string,
  factory: () => Promise<{ catalog: SharedAudienceCatalog } & Closable>,
): void {
  describe(`SharedAudienceCatalog contract: ${name}`, () => {
    const fixture = useFixture(factory);

    it('creates a segment in the given data source, then gets and lists it', async () => {
      const { catalog } = fixture();
      const segmentName = `Kit segment ${Date.now().toString(36)}`;

      const created = await catalog.createSegment({ name: segmentName, dataSourceId: 424242 });

      expect(created).toMatchObject({ name: segmentName, kind: 'segment', dataSourceId: 424242 });
      expect(created.id).not.toBe('');
      expect(await catalog.get(created.id)).toMatchObject({
        id: created.id,
        name: segmentName,
        kind: 'segment',
      });
      expect((await catalog.list()).map((item) => item.id)).toContain(created.id);
    });

    it('answers null for an unknown item', async () => {
      const { catalog } = fixture();

      expect(await catalog.get('999999999999')).toBeNull();
    });
  });
}
