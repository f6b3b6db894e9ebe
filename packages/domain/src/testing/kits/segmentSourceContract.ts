import { describe, expect, it } from 'vitest';

import type { SharedDataSource } from '../../datasources/SharedDataSource.js';
import type { SegmentSource } from '../../ports/PeopleCore.js';
import { collect, useFixture, type Closable } from './fixture.js';

/** What the segment-source kit needs: the source, and a way to make the service deliver a membership. */
export interface SegmentSourceFixture extends Closable {
  readonly source: SegmentSource;
  readonly seed: (
    sharedAudienceId: string,
    dataSource: SharedDataSource,
    ids: readonly string[],
  ) => Promise<void>;
}

const dataSource: SharedDataSource = {
  id: 'ds-kit',
  label: 'Kit visitor IDs',
  dataSourceId: 31337,
  destinationId: null,
  reconciliationKey: 'visitorId',
  channel: 'other',
  encryption: { algorithm: 'none' },
};

/** Proves a SegmentSource: every delivered ID comes out exactly once, in batches of at most the size asked. */
export function segmentSourceContract(name: string, factory: () => Promise<SegmentSourceFixture>): void {
  describe(`SegmentSource contract: ${name}`, () => {
    const fixture = useFixture(factory);

    it('delivers the seeded membership in bounded batches', async () => {
      const { source, seed } = fixture();
      const ids = Array.from(
        { length: 25 },
        (_, i) => `${String(1000 + i).padStart(19, '0')}${String(i).padStart(19, '0')}`,
      );
      await seed('777001', dataSource, ids);

      const snapshot = await source.snapshot('777001', dataSource);
      const batches = await collect(snapshot.batches(10));

      expect(snapshot.deliveryId).not.toBe('');
      expect(batches.every((batch) => batch.length > 0 && batch.length <= 10)).toBe(true);
      expect(batches.flat().sort()).toEqual([...ids].sort());
    });

    it('delivers the latest membership after a new seed', async () => {
      const { source, seed } = fixture();
      const id = (n: number) => `${String(n).padStart(19, '0')}${String(n).padStart(19, '0')}`;
      await seed('777002', dataSource, [id(1), id(2)]);
      await seed('777002', dataSource, [id(3)]);

      const snapshot = await source.snapshot('777002', dataSource);

      expect((await collect(snapshot.batches(10))).flat()).toEqual([id(3)]);
    });
  });
}
