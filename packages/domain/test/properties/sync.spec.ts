import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';

import { reconcile, type Profile, type SharedDataSource } from '../../src/index.js';
import { dataSourceArb, profilesArb, segmentIdsArb } from '../../src/testing/index.js';
import { decodeInBatches } from './support.js';

const scenarioArb = fc
  .tuple(profilesArb(), dataSourceArb())
  .chain(([profiles, source]) =>
    fc.tuple(
      fc.constant(profiles),
      fc.constant(source),
      segmentIdsArb(profiles, source),
      segmentIdsArb(profiles, source),
    ),
  );

/** One sync as the use case runs it: the audience's members become what the snapshot reconciles to. */
const sync = (
  _current: readonly string[],
  snapshot: readonly string[],
  source: SharedDataSource,
  profiles: readonly Profile[],
) => reconcile(decodeInBatches([snapshot], source).staged, profiles).members;

test.prop([scenarioArb])('4. sync is idempotent and replaces', ([profiles, source, first, second]) => {
  const afterFirst = sync([], first, source, profiles);

  const again = sync(afterFirst, first, source, profiles);
  const afterSecond = sync(afterFirst, second, source, profiles);

  expect(again).toEqual(afterFirst);
  expect(afterSecond).toEqual(sync([], second, source, profiles));
  const stillMatched = new Set(sync([], second, source, profiles));
  expect(
    afterFirst.filter((member) => !stillMatched.has(member)).some((member) => afterSecond.includes(member)),
  ).toBe(false);
});
