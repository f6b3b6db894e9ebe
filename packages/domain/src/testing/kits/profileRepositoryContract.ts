import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { ProfileRepository } from '../../ports/ProfileRepository.js';
import { sha256Hex, type MatchField } from '../../profiles/matchKeys.js';
import { evaluateFilter } from '../../targeting/evaluateFilter.js';
import { filterArb } from '../arbitraries/filters.js';
import { profilesArb } from '../arbitraries/profiles.js';
import { collect, freshOrg, kitRuns, profile, useFixture, type Closable } from './fixture.js';

/** Proves a ProfileRepository: org scoping, upsert counts, every match field, streaming by filter. */
export function profileRepositoryContract(
  name: string,
  factory: () => Promise<{ repo: ProfileRepository } & Closable>,
): void {
  describe(`ProfileRepository contract: ${name}`, () => {
    const fixture = useFixture(factory);

    it('counts inserts and updates, and replaces a profile by key', async () => {
      const { repo } = fixture();
      const org = freshOrg();

      const first = await repo.upsertMany(org, [profile('a', { email: 'a@x.io' }), profile('b')]);
      const second = await repo.upsertMany(org, [profile('a', { email: 'new@x.io' }), profile('c')]);

      expect(first).toEqual({ inserted: 2, updated: 0 });
      expect(second).toEqual({ inserted: 1, updated: 1 });
      expect((await repo.findByKeys(org, ['a']))[0]?.email).toBe('new@x.io');
      expect(await repo.count(org, null)).toBe(3);
    });

    it('never shows one organisation the profiles of another', async () => {
      const { repo } = fixture();
      const [mine, theirs] = [freshOrg(), freshOrg()];
      await repo.upsertMany(theirs, [profile('a', { email: 'a@x.io', visitorId: '1'.repeat(38) })]);

      expect(await repo.findByKeys(mine, ['a'])).toEqual([]);
      expect(await repo.findByMatch(mine, 'email', ['a@x.io'])).toEqual([]);
      expect(await repo.count(mine, null)).toBe(0);
      expect((await collect(repo.stream(mine, null, 10))).flat()).toEqual([]);
    });

    it('finds profiles by every match field, plain and hashed', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      const p = profile('p1', {
        email: 'p@x.io',
        mobilePhone: '+14155552671',
        visitorId: '12345678901234567890123456789012345678',
        customKeys: { crm: 'C-1' },
      });
      await repo.upsertMany(org, [p, profile('p2', { email: 'other@x.io' })]);
      const cases: [MatchField, string][] = [
        ['visitorId', '12345678901234567890123456789012345678'],
        ['email', 'p@x.io'],
        ['email#sha256', sha256Hex('p@x.io')],
        ['mobilePhone', '+14155552671'],
        ['mobilePhone#sha256', sha256Hex('+14155552671')],
        ['custom:crm', 'C-1'],
        ['custom:crm#sha256', sha256Hex('C-1')],
      ];

      for (const [field, value] of cases) {
        const found = await repo.findByMatch(org, field, [value, 'no-such-value']);
        expect(
          found.map((f) => f.key),
          field,
        ).toEqual(['p1']);
      }
      expect(await repo.findByMatch(org, 'custom:loyalty', ['C-1'])).toEqual([]);
    });

    it('round-trips every part of a profile', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      const p = profile('k', {
        email: 'k@x.io',
        customKeys: { crm: 'C-9' },
        attributes: { age: 42, city: 'Zürich', vip: true, gone: null },
        optOut: { all: false, email: true, sms: false },
      });
      await repo.upsertMany(org, [p]);

      expect(await repo.findByKeys(org, ['k', 'missing'])).toEqual([p]);
    });

    it('streams the profiles a filter selects, in key order and bounded batches, as the reference evaluator does', async () => {
      const { repo } = fixture();
      await fc.assert(
        fc.asyncProperty(
          profilesArb({ maxLength: 15 }),
          filterArb(2),
          fc.integer({ min: 1, max: 4 }),
          async (profiles, filter, size) => {
            const org = freshOrg('prop');
            await repo.upsertMany(org, profiles);
            const expected = profiles
              .filter((p) => evaluateFilter(filter, p))
              .map((p) => p.key)
              .sort();

            const batches = await collect(repo.stream(org, filter, size));

            expect(batches.every((batch) => batch.length > 0 && batch.length <= size)).toBe(true);
            expect(batches.flat().map((p) => p.key)).toEqual(expected);
            expect(await repo.count(org, filter)).toBe(expected.length);
          },
        ),
        { numRuns: kitRuns },
      );
    });
  });
}
