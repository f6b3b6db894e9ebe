import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';

import { reconcile } from '../../src/index.js';
import { batchSplitArb, dataSourceArb, profilesArb, segmentIdsArb } from '../../src/testing/index.js';
import { decodeInBatches } from './support.js';

// The snapshot, re-ordered, with some IDs repeated, split into batches two different ways.
const scenarioArb = fc
  .tuple(profilesArb(), dataSourceArb())
  .chain(([profiles, source]) =>
    segmentIdsArb(profiles, source).chain((ids) =>
      fc.record({
        profiles: fc.constant(profiles),
        source: fc.constant(source),
        ids: fc.constant(ids),
        reordered: fc.shuffledSubarray(ids, { minLength: ids.length }),
        repeated:
          ids.length === 0 ? fc.constant<string[]>([]) : fc.array(fc.constantFrom(...ids), { maxLength: 6 }),
        profileOrder: fc.shuffledSubarray(profiles, { minLength: profiles.length }),
      }),
    ),
  )
  .chain((scenario) =>
    fc.record({
      scenario: fc.constant(scenario),
      batches: batchSplitArb([...scenario.reordered, ...scenario.repeated]),
    }),
  );

test.prop([scenarioArb])(
  '1. order, duplicates and batch size never change a reconciliation result',
  ({ scenario, batches }) => {
    const { profiles, source, ids, profileOrder } = scenario;

    const whole = reconcile(decodeInBatches([ids], source).staged, profiles);
    const varied = reconcile(decodeInBatches(batches, source).staged, profileOrder);

    expect(varied).toEqual(whole);
  },
);
