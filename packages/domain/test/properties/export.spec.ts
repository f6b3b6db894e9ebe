import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';

import { exportIdOf, planExport } from '../../src/index.js';
import { dataSourceArb, profilesArb } from '../../src/testing/index.js';

const scenarioArb = fc
  .tuple(profilesArb(), dataSourceArb())
  .chain(([profiles, source]) =>
    fc.tuple(
      fc.constant(source),
      fc.subarray(profiles),
      fc.subarray(profiles),
      fc.uniqueArray(fc.constantFrom('x', 'y'), { maxLength: 2 }),
    ),
  );

test.prop([scenarioArb])(
  '5. export appends only, sends nothing twice, outbound equals exported',
  ([source, firstPopulation, secondPopulation, alreadyAccepted]) => {
    const accepted: string[] = [...alreadyAccepted];

    const first = planExport(firstPopulation, accepted, source);
    accepted.push(...first.exported.map(({ userId }) => userId));
    const repeat = planExport(firstPopulation, accepted, source);
    const second = planExport(secondPopulation, accepted, source);
    accepted.push(...second.exported.map(({ userId }) => userId));

    expect(repeat.exported).toEqual([]);
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(accepted.slice(0, alreadyAccepted.length)).toEqual(alreadyAccepted);
    for (const plan of [first, second]) {
      const outbound = plan.exported.map(({ profileKey }) => profileKey);
      const sentFor = firstPopulation
        .concat(secondPopulation)
        .filter((profile) => outbound.includes(profile.key));
      expect(new Set(sentFor.map((profile) => exportIdOf(profile, source)))).toEqual(
        new Set(plan.exported.map(({ userId }) => userId)),
      );
      expect(plan.ignored.every((key) => !outbound.includes(key))).toBe(true);
    }
    expect(
      second.exported.every(({ userId }) => !first.exported.some((sent) => sent.userId === userId)),
    ).toBe(true);
  },
);
