import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';

import { decryptToAddresses, planExport, reconcile } from '../../src/index.js';
import { aesEncryptionArb, dataSourceArb, profilesArb, segmentIdsArb } from '../../src/testing/index.js';
import { decodeInBatches, distinct } from './support.js';

const importArb = fc
  .tuple(profilesArb(), dataSourceArb())
  .chain(([profiles, source]) =>
    fc.tuple(fc.constant(profiles), fc.constant(source), segmentIdsArb(profiles, source)),
  );

const fileArb = fc
  .tuple(
    profilesArb(),
    dataSourceArb({ key: fc.constantFrom('email', 'mobilePhone'), encryption: aesEncryptionArb() }),
  )
  .map(
    ([profiles, source]) =>
      [profiles, { ...source, channel: source.reconciliationKey === 'email' ? 'email' : 'sms' }] as const,
  )
  .chain(([profiles, source]) => fc.tuple(fc.constant(source), segmentIdsArb(profiles, source)));

describe('2. conservation of counts', () => {
  test.prop([importArb])(
    '2. conservation of counts: import, input = reconciled + unreconciled + rejected',
    ([profiles, source, ids]) => {
      const { staged, rejected } = decodeInBatches([ids], source);

      const result = reconcile(staged, profiles);

      const buckets = [...result.reconciled, ...result.unreconciled, ...distinct(rejected)];
      expect(buckets).toHaveLength(distinct(ids).size);
      expect(distinct(buckets)).toEqual(distinct(ids));
      expect(result.ambiguous.every((id) => result.reconciled.includes(id))).toBe(true);
    },
  );

  test.prop([fileArb])(
    '2. conservation of counts: decrypt-to-file, input = addresses + rejected',
    ([source, ids]) => {
      const { addresses, rejected } = decryptToAddresses(ids, source);

      const buckets = [
        ...distinct(addresses.map(({ raw }) => raw)),
        ...distinct(rejected.map(({ value }) => value)),
      ];
      expect(buckets).toHaveLength(distinct(ids).size);
      expect(addresses.length + rejected.length).toBe(ids.length);
    },
  );

  test.prop([profilesArb(), dataSourceArb(), fc.array(fc.string(), { maxLength: 5 })])(
    '2. conservation of counts: export, targeted = exported + ignored + already present',
    (profiles, source, accepted) => {
      const plan = planExport(profiles, accepted, source);

      const buckets = [
        ...plan.exported.map(({ profileKey }) => profileKey),
        ...plan.ignored,
        ...plan.alreadyPresent,
      ];
      expect(buckets.sort()).toEqual(profiles.map(({ key }) => key).sort());
    },
  );
});
