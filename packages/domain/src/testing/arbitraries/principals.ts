import fc from 'fast-check';

import type { Principal } from '../../auth/Principal.js';
import type { SharedAudience } from '../../sharedaudiences/SharedAudience.js';

export const orgIdArb: fc.Arbitrary<string> = fc.constantFrom(
  'ORG-A@AdobeOrg',
  'ORG-B@AdobeOrg',
  'ORG-C@AdobeOrg',
);

/** Principals of a few organisations, signed in through IMS or holding a local API key. */
export const principalArb: fc.Arbitrary<Principal> = fc.record({
  orgId: orgIdArb,
  subject: fc.stringMatching(/^[a-z]{1,8}$/),
  authMethod: fc.constantFrom('ims' as const, 'local' as const),
});

/** People core items: segments (importable) and traits (not). */
export const sharedAudienceArb: fc.Arbitrary<SharedAudience> = fc.record({
  id: fc.integer({ min: 1, max: 99_999_999 }).map(String),
  name: fc.constantFrom('Buyers', 'Visitors', 'Churn risk'),
  kind: fc.constantFrom('segment' as const, 'trait' as const),
  dataSourceId: fc.integer({ min: 1, max: 9_999_999 }),
  description: fc.constant(''),
});
