import {
  evaluateFilter,
  matchKeysOf,
  reconcile,
  type MatchField,
  type Profile,
  type StagedId,
} from '@audience-bridge/domain';
import { batchSplitArb, filterArb, profilesArb } from '@audience-bridge/domain/testing';
import fc from 'fast-check';
import { expect, it } from 'vitest';

import { sharedAudience } from './support/databases.js';
import { describeEachDatabase } from './support/eachDatabase.js';

const NUM_RUNS = 25;
let orgCounter = 0;
const nextOrg = (): string => `ref-${process.pid}-${++orgCounter}`;

const byCodePointSort = (values: readonly string[]): string[] => [...values].sort();

/** Staged IDs that hit real match keys, miss them, and repeat raw IDs with another field (first one wins). */
const stagedArb = (people: readonly Profile[]): fc.Arbitrary<StagedId[]> => {
  const keys = people.flatMap(matchKeysOf);
  const hit = keys.length === 0 ? fc.constant(null) : fc.constantFrom(...keys);
  const field = fc.constantFrom<MatchField>(
    'visitorId',
    'email',
    'email#sha256',
    'mobilePhone',
    'custom:crm',
    'custom:loyalty#sha256',
  );
  const one = fc.record({
    raw: fc.stringMatching(/^R[0-9]{1,2}$/),
    key: fc.option(hit, { nil: null }),
    miss: fc.record({ field, value: fc.stringMatching(/^[a-z0-9@.+-]{1,6}$/) }),
  });

  return fc
    .array(one, { maxLength: 40 })
    .map((items) => items.map(({ raw, key, miss }) => ({ raw, ...(key ?? miss) })));
};

describeEachDatabase('SQL paths agree with the domain reference', (ports) => {
  it('having generated profiles, when a filter is compiled to SQL, then count, stream and query select exactly what evaluateFilter selects', async () => {
    const { profiles, targeting } = ports();

    await fc.assert(
      fc.asyncProperty(profilesArb({ maxLength: 20 }), filterArb(3), async (people, filter) => {
        const org = nextOrg();
        await profiles.upsertMany(org, people);
        const expected = byCodePointSort(
          people.filter((person) => evaluateFilter(filter, person)).map((person) => person.key),
        );

        const counted = await profiles.count(org, filter);
        const streamed: string[] = [];
        for await (const batch of profiles.stream(org, filter, 4))
          streamed.push(...batch.map((person) => person.key));
        const populations = await targeting.open(org, 'run-1');
        const queried = await populations.query('q', filter);
        const members: string[] = [];
        for await (const batch of populations.members('q', 5)) members.push(...batch);
        await populations.close();

        expect(counted).toBe(expected.length);
        expect(streamed).toEqual(expected);
        expect(queried).toBe(expected.length);
        expect(members).toEqual(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('having generated profiles and staged IDs in any batching, when reconciled in SQL, then members, counts and lists equal reconcile()', async () => {
    const { profiles, audiences, reconciliation } = ports();
    const scenario = profilesArb({ maxLength: 15 }).chain((people) =>
      stagedArb(people).chain((staged) =>
        batchSplitArb(staged).map((batches) => ({ people, staged, batches })),
      ),
    );

    await fc.assert(
      fc.asyncProperty(scenario, async ({ people, staged, batches }) => {
        const org = nextOrg();
        await profiles.upsertMany(org, people);
        const audience = await audiences.create(org, sharedAudience('a1'));
        const expected = reconcile(staged, people);

        const session = await reconciliation.begin(org, audience.id);
        for (const batch of batches) await session.stage(batch);
        const outcome = await session.complete();
        const unmatched: string[] = [];
        for await (const batch of session.unmatched(3)) unmatched.push(...batch);
        const ambiguous: string[] = [];
        for await (const batch of session.ambiguous(2)) ambiguous.push(...batch);
        await session.close();
        const members = await audiences.members(org, audience.id, { offset: 0, limit: 10_000 });

        expect(outcome).toMatchObject({
          staged: expected.reconciled.length + expected.unreconciled.length,
          reconciled: expected.reconciled.length,
          unreconciled: expected.unreconciled.length,
          ambiguous: expected.ambiguous.length,
          members: expected.members.length,
          version: 1,
        });
        expect(members.items).toEqual(expected.members);
        expect(unmatched).toEqual(expected.unreconciled);
        expect(ambiguous).toEqual(expected.ambiguous);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
