import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';

import { matchKeysOf, reconcile } from '../../src/index.js';
import { dataSourceArb, profilesArb, segmentIdsArb } from '../../src/testing/index.js';
import { decodeInBatches, holdersOf } from './support.js';

const scenarioArb = fc
  .tuple(profilesArb(), dataSourceArb())
  .chain(([profiles, source]) =>
    fc.tuple(fc.constant(profiles), fc.constant(source), segmentIdsArb(profiles, source)),
  );

test.prop([scenarioArb])(
  '3. soundness and completeness of matches, ambiguity counted',
  ([profiles, source, ids]) => {
    const { staged } = decodeInBatches([ids], source);

    const result = reconcile(staged, profiles);

    const byProfile = new Map(profiles.map((profile) => [profile.key, matchKeysOf(profile)]));
    for (const member of result.members) {
      const keys = byProfile.get(member) ?? [];
      expect(staged.some((id) => keys.some((key) => key.field === id.field && key.value === id.value))).toBe(
        true,
      );
    }
    const expectedMembers = new Set(staged.flatMap((id) => holdersOf(id, profiles)));
    expect(result.members).toEqual([...expectedMembers].sort());
    const expectedAmbiguous = new Set(
      staged.filter((id) => holdersOf(id, profiles).length > 1).map(({ raw }) => raw),
    );
    expect(result.ambiguous).toEqual([...expectedAmbiguous].sort());
    const expectedReconciled = new Set(
      staged.filter((id) => holdersOf(id, profiles).length > 0).map(({ raw }) => raw),
    );
    expect(result.reconciled).toEqual([...expectedReconciled].sort());
  },
);
