import fc from 'fast-check';

import { encryptAesCbc } from '../../crypto/aesCbc.js';
import { isAes, type SharedDataSource } from '../../datasources/SharedDataSource.js';
import { exportIdOf } from '../../exports/exportIdOf.js';
import { sha256Hex } from '../../profiles/matchKeys.js';
import type { Profile } from '../../profiles/Profile.js';
import { hexBytesArb } from './dataSources.js';
import { invalidVisitorIdArb, visitorIdArb } from './visitorIds.js';

/** IDs a segment may deliver that match no generated profile (pools never hold these values). */
function unmatchedIdArb(source: SharedDataSource): fc.Arbitrary<string> {
  const { encryption } = source;
  const stranger = fc.stringMatching(/^stranger[0-9]{1,4}@elsewhere\.org$/);
  if (source.reconciliationKey === 'visitorId') return visitorIdArb;
  if (isAes(encryption)) return stranger.map((email) => encryptAesCbc(email, encryption));
  if (encryption.algorithm === 'sha256') return stranger.map(sha256Hex);

  return fc.oneof(stranger, visitorIdArb);
}

/** Malformed IDs: empty, bad ECIDs, bad hex, truncated or extended ciphertexts (a plain custom key may still accept some). */
function corruptedIdArb(source: SharedDataSource): fc.Arbitrary<string> {
  const { encryption } = source;
  const always = fc.oneof(fc.constantFrom('', '   ', 'zz'), invalidVisitorIdArb);
  if (isAes(encryption)) {
    const valid = fc
      .constantFrom('person1@example.com', 'x')
      .map((plain) => encryptAesCbc(plain, encryption));

    return fc.oneof(
      always,
      valid.map((hex) => hex.slice(0, -2)),
      valid.map((hex) => `${hex}00`),
      valid.map((hex) => `g${hex.slice(1)}`),
      hexBytesArb(16).map((noise) => noise + noise),
    );
  }
  if (encryption.algorithm === 'sha256') return fc.oneof(always, hexBytesArb(31), hexBytesArb(33));

  return always;
}

/**
 * A segment's raw IDs for the given profiles and source: IDs of some profiles encoded as the
 * source delivers them (their visitor IDs too), IDs that match nobody, corrupted IDs, duplicates
 * and surrounding blanks, shuffled.
 */
export function segmentIdsArb(
  profiles: readonly Profile[],
  source: SharedDataSource,
): fc.Arbitrary<string[]> {
  const fromProfiles = profiles.flatMap((profile) =>
    [exportIdOf(profile, source), profile.visitorId].filter((id): id is string => id !== null),
  );
  const matched = fromProfiles.length === 0 ? fc.constant<string[]>([]) : fc.subarray(fromProfiles);
  const padded = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc.tuple(arb, fc.constantFrom('', ' ', '\t')).map(([id, blank]) => blank + id + blank);

  return fc
    .tuple(
      matched,
      fc.array(unmatchedIdArb(source), { maxLength: 5 }),
      fc.array(corruptedIdArb(source), { maxLength: 4 }),
    )
    .chain(([ids, strangers, corrupted]) => {
      const all = [...ids, ...strangers, ...corrupted];
      const again =
        all.length === 0
          ? fc.constant<string[]>([])
          : fc.array(padded(fc.constantFrom(...all)), { maxLength: 5 });

      return again.chain((duplicates) =>
        fc.shuffledSubarray([...all, ...duplicates], { minLength: all.length + duplicates.length }),
      );
    });
}
