import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { AudienceRepository } from '../../ports/AudienceRepository.js';
import type { ProfileRepository } from '../../ports/ProfileRepository.js';
import type { TargetingStore } from '../../ports/TargetingStore.js';
import { evaluateFilter } from '../../targeting/evaluateFilter.js';
import { exclusionOf, intersectionOf, unionOf } from '../../workflows/setAlgebra.js';
import { filterArb } from '../arbitraries/filters.js';
import { emailPool, profilesArb } from '../arbitraries/profiles.js';
import { audienceDraft } from './audienceRepositoryContract.js';
import { collect, freshOrg, kitRuns, profile, useFixture, type Closable } from './fixture.js';

/** What the targeting kit needs: the store, and the profile and audience stores it reads. */
export interface TargetingFixture extends Closable {
  readonly store: TargetingStore;
  readonly profiles: ProfileRepository;
  readonly audiences: AudienceRepository;
}

/** Proves a TargetingStore: queries equal the reference evaluator, set operations the reference algebra. */
export function targetingStoreContract(name: string, factory: () => Promise<TargetingFixture>): void {
  describe(`TargetingStore contract: ${name}`, () => {
    const fixture = useFixture(factory);

    it('queries, combines and excludes as the reference evaluator and set algebra do', async () => {
      const { store, profiles } = fixture();
      await fc.assert(
        fc.asyncProperty(
          profilesArb({ maxLength: 15 }),
          filterArb(2),
          filterArb(2),
          async (people, f1, f2) => {
            const org = freshOrg('prop');
            await profiles.upsertMany(org, people);
            const select = (f: typeof f1) => people.filter((p) => evaluateFilter(f, p)).map((p) => p.key);
            const [a, b] = [select(f1), select(f2)];
            const populations = await store.open(org, `run-${org}`);

            expect(await populations.query('a', f1)).toBe(a.length);
            await populations.query('b', f2);
            expect(await populations.combine('u', 'union', ['a', 'b'])).toBe(unionOf([a, b]).length);
            expect(await populations.combine('i', 'intersection', ['a', 'b'])).toBe(
              intersectionOf([a, b]).length,
            );
            expect(await populations.exclude('x', 'a', ['b'])).toBe(exclusionOf(a, [b]).length);
            expect((await collect(populations.members('u', 4))).flat().sort()).toEqual(unionOf([a, b]));
            expect((await collect(populations.members('x', 4))).flat().sort()).toEqual(exclusionOf(a, [b]));
            expect((await collect(populations.profiles('i', 3))).flat().map((p) => p.key)).toEqual(
              intersectionOf([a, b]),
            );
            await populations.close();
          },
        ),
        { numRuns: kitRuns },
      );
    });

    it('reads a file audience as addresses and reconciles them, keeping unmatched addresses aside', async () => {
      const { store, profiles, audiences } = fixture();
      const org = freshOrg();
      await profiles.upsertMany(org, [
        profile('p1', { email: 'a@x.io' }),
        profile('p2', { email: 'a@x.io' }),
        profile('p3', { email: 'b@x.io' }),
        profile('p4', { email: 'z@x.io' }),
      ]);
      const file = await audiences.create(org, audienceDraft({ type: 'file' }));
      const replacement = await audiences.beginReplace(org, file.id);
      await replacement.add(['a@x.io', 'b@x.io', 'c@x.io']);
      await replacement.commit();
      const populations = await store.open(org, `run-${org}`);

      const read = await populations.readAudience('f', file.id);
      const reconciled = await populations.reconcile('r', 'f', 'email');
      await populations.add('out', ['p9']);

      expect(read).toEqual({ count: 3, kind: 'addresses' });
      expect(reconciled).toEqual({ matched: 3, unmatched: 1 });
      expect((await collect(populations.unmatched('r', 10))).flat()).toEqual(['c@x.io']);
      expect((await collect(populations.members('r', 10))).flat().sort()).toEqual(['p1', 'p2', 'p3']);
      expect(await populations.count('out')).toBe(1);
      await populations.close();
    });

    it('reconciles a file audience by email to exactly the profiles whose email is in the file', async () => {
      const { store, profiles, audiences } = fixture();
      await fc.assert(
        fc.asyncProperty(
          profilesArb({ maxLength: 15 }),
          fc.uniqueArray(fc.constantFrom(...emailPool, 'nobody@nowhere.example', 'other@nowhere.example'), {
            maxLength: 12,
          }),
          async (people, addresses) => {
            const org = freshOrg('file');
            await profiles.upsertMany(org, people);
            const file = await audiences.create(org, audienceDraft({ type: 'file' }));
            const replacement = await audiences.beginReplace(org, file.id);
            await replacement.add(addresses);
            await replacement.commit();
            const inFile = new Set(addresses);
            const expected = people.filter((p) => p.email !== null && inFile.has(p.email)).map((p) => p.key);
            const matchedEmails = new Set(people.map((p) => p.email));
            const populations = await store.open(org, `run-${org}`);

            await populations.readAudience('f', file.id);
            const outcome = await populations.reconcile('r', 'f', 'email');

            expect(outcome.matched).toBe(expected.length);
            expect((await collect(populations.members('r', 4))).flat().sort()).toEqual([...expected].sort());
            expect((await collect(populations.unmatched('r', 4))).flat().sort()).toEqual(
              addresses.filter((address) => !matchedEmails.has(address)).sort(),
            );
            await populations.close();
          },
        ),
        { numRuns: kitRuns },
      );
    });

    it('never reads another organisation’s profiles or audiences', async () => {
      const { store, profiles, audiences } = fixture();
      const [mine, theirs] = [freshOrg(), freshOrg()];
      await profiles.upsertMany(theirs, [profile('p1', { email: 'a@x.io' })]);
      const list = await audiences.create(theirs, audienceDraft());
      const populations = await store.open(mine, `run-${mine}`);

      expect(await populations.query('all', { field: 'key', op: 'exists' })).toBe(0);
      await expect(populations.readAudience('r', list.id)).rejects.toThrow();
      await populations.close();
    });
  });
}
