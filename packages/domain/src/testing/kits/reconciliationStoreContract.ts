import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { decodeSegmentIds } from '../../imports/decodeSegmentIds.js';
import { reconcile } from '../../imports/reconcile.js';
import type { AudienceRepository } from '../../ports/AudienceRepository.js';
import type { ProfileRepository } from '../../ports/ProfileRepository.js';
import type { ReconciliationStore } from '../../ports/ReconciliationStore.js';
import { batchSplitArb } from '../arbitraries/batches.js';
import { dataSourceArb } from '../arbitraries/dataSources.js';
import { profilesArb } from '../arbitraries/profiles.js';
import { segmentIdsArb } from '../arbitraries/segmentIds.js';
import { audienceDraft } from './audienceRepositoryContract.js';
import { collect, freshOrg, kitRuns, profile, useFixture, type Closable } from './fixture.js';

/** What the reconciliation kit needs: the store, and the profile and audience stores it reads and writes. */
export interface ReconciliationFixture extends Closable {
  readonly store: ReconciliationStore;
  readonly profiles: ProfileRepository;
  readonly audiences: AudienceRepository;
}

/** Proves a ReconciliationStore gives exactly the reference `reconcile` result, whatever the batching. */
export function reconciliationStoreContract(
  name: string,
  factory: () => Promise<ReconciliationFixture>,
): void {
  describe(`ReconciliationStore contract: ${name}`, () => {
    const fixture = useFixture(factory);

    it('agrees with the reference reconciliation on generated profiles and segments', async () => {
      const { store, profiles, audiences } = fixture();
      const scenario = fc
        .tuple(profilesArb({ maxLength: 15 }), dataSourceArb())
        .chain(([people, source]) =>
          segmentIdsArb(people, source).chain((raws) =>
            batchSplitArb(decodeSegmentIds(raws, source).staged).map((batches) => ({ people, batches })),
          ),
        );
      await fc.assert(
        fc.asyncProperty(scenario, async ({ people, batches }) => {
          const org = freshOrg('prop');
          await profiles.upsertMany(org, people);
          const { id } = await audiences.create(org, audienceDraft({ type: 'shared' }));
          const expected = reconcile(batches.flat(), people);

          const session = await store.begin(org, id);
          for (const batch of batches) await session.stage(batch);
          const outcome = await session.complete();
          const unmatched = (await collect(session.unmatched(3))).flat().sort();
          const ambiguous = (await collect(session.ambiguous(3))).flat().sort();
          await session.close();
          const members = await audiences.members(org, id, { offset: 0, limit: 1000 });

          expect(outcome).toMatchObject({
            staged: expected.reconciled.length + expected.unreconciled.length,
            reconciled: expected.reconciled.length,
            unreconciled: expected.unreconciled.length,
            ambiguous: expected.ambiguous.length,
            members: expected.members.length,
          });
          expect(unmatched).toEqual(expected.unreconciled);
          expect(ambiguous).toEqual(expected.ambiguous);
          expect([...members.items].sort()).toEqual(expected.members);
        }),
        { numRuns: kitRuns },
      );
    });

    it('replaces the members on complete and leaves them untouched when closed before', async () => {
      const { store, profiles, audiences } = fixture();
      const org = freshOrg();
      await profiles.upsertMany(org, [
        profile('p1', { email: 'a@x.io' }),
        profile('p2', { email: 'b@x.io' }),
      ]);
      const { id } = await audiences.create(org, audienceDraft({ type: 'shared' }));
      const first = await store.begin(org, id);
      await first.stage([{ raw: 'a@x.io', field: 'email', value: 'a@x.io' }]);
      await first.complete();
      await first.close();

      const abandoned = await store.begin(org, id);
      await abandoned.stage([{ raw: 'b@x.io', field: 'email', value: 'b@x.io' }]);
      await abandoned.close();

      expect((await audiences.members(org, id, { offset: 0, limit: 10 })).items).toEqual(['p1']);
      expect((await audiences.get(org, id))?.version).toBe(1);
    });

    it('matches only the profiles of the audience’s organisation', async () => {
      const { store, profiles, audiences } = fixture();
      const [mine, theirs] = [freshOrg(), freshOrg()];
      await profiles.upsertMany(theirs, [profile('p1', { email: 'a@x.io' })]);
      const { id } = await audiences.create(mine, audienceDraft({ type: 'shared' }));

      const session = await store.begin(mine, id);
      await session.stage([{ raw: 'a@x.io', field: 'email', value: 'a@x.io' }]);
      const outcome = await session.complete();
      await session.close();

      expect(outcome).toMatchObject({ staged: 1, reconciled: 0, unreconciled: 1, members: 0 });
    });
  });
}
