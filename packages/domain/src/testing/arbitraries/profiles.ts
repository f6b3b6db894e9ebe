import fc from 'fast-check';

import type { AttributeValue, OptOut, Profile } from '../../profiles/Profile.js';
import { visitorIdPool } from './visitorIds.js';

/** Normalised emails from a small pool, so that profiles collide and reconciliations turn ambiguous. */
export const emailPool: readonly string[] = Array.from(
  { length: 16 },
  (_, index) => `person${index}@example.com`,
);

/** Valid E.164 mobile numbers of a few regions (checked by the normalisation known answers). */
export const phonePool: readonly string[] = [
  '+14155552671',
  '+12025550143',
  '+33612345678',
  '+33698765432',
  '+447400123456',
  '+4915123456789',
];

export const customKeyNames: readonly string[] = ['crm', 'loyalty'];

export const customKeyPool: readonly string[] = Array.from({ length: 12 }, (_, index) => `C-${index}`);

/** Attribute names and values of mixed types, small enough that filters often hit. */
export const attributeNames: readonly string[] = ['age', 'city', 'vip', 'score'];

export const attributeValueArb: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.integer({ min: -3, max: 60 }),
  fc.constantFrom('Paris', 'paris', 'Lyon', 'Zürich', 'a😀', 'a\uffff', ''),
  fc.boolean(),
  fc.constant(null),
);

const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 3 });

const optOutArb: fc.Arbitrary<OptOut> = fc.record({
  all: fc.boolean(),
  email: fc.boolean(),
  sms: fc.boolean(),
});

/** A profile whose identifiers come from small pools; `key` is free, use `profilesArb` for unique keys. */
export const profileArb: fc.Arbitrary<Profile> = fc.record({
  key: fc.stringMatching(/^P-[0-9]{1,3}$/),
  email: nullable(fc.constantFrom(...emailPool)),
  mobilePhone: nullable(fc.constantFrom(...phonePool)),
  visitorId: nullable(fc.constantFrom(...visitorIdPool)),
  customKeys: fc.dictionary(fc.constantFrom(...customKeyNames), fc.constantFrom(...customKeyPool), {
    maxKeys: 2,
  }),
  attributes: fc.dictionary(fc.constantFrom(...attributeNames), attributeValueArb, { maxKeys: 4 }),
  optOut: optOutArb,
});

/** Profiles with distinct keys, sharing emails, phones, visitor IDs and custom keys on purpose. */
export const profilesArb = (constraints: { readonly maxLength?: number } = {}): fc.Arbitrary<Profile[]> =>
  fc.uniqueArray(profileArb, { selector: (profile) => profile.key, maxLength: constraints.maxLength ?? 25 });
