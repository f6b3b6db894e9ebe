import { encryptAesCbc, encryptAesCbcBatch } from '../crypto/aesCbc.js';
import { isAes, type SharedDataSource } from '../datasources/SharedDataSource.js';
import { profileKeyValue, sha256Hex } from '../profiles/matchKeys.js';
import type { Profile } from '../profiles/Profile.js';

function encode(value: string, source: SharedDataSource): string {
  const { encryption } = source;
  if (isAes(encryption)) return encryptAesCbc(value, encryption);

  return encryption.algorithm === 'sha256' ? sha256Hex(value) : value;
}

/**
 * The user ID uploaded for a profile to a data source, encoded as the source expects, or `null`
 * when the profile has none (it is then ignored by the export). A visitor ID is never encoded.
 */
export function exportIdOf(profile: Profile, source: SharedDataSource): string | null {
  const value = profileKeyValue(profile, source.reconciliationKey);
  if (value === null || source.reconciliationKey === 'visitorId') return value;

  return encode(value, source);
}

/** `exportIdOf` for many profiles at once, sharing one AES cipher object across the batch. */
export function exportIdsOf(profiles: readonly Profile[], source: SharedDataSource): (string | null)[] {
  const { encryption } = source;
  if (!isAes(encryption) || source.reconciliationKey === 'visitorId') {
    return profiles.map((profile) => exportIdOf(profile, source));
  }

  const values = profiles.map((profile) => profileKeyValue(profile, source.reconciliationKey));
  const present = values.filter((value): value is string => value !== null);
  const encrypted = encryptAesCbcBatch(present, encryption);
  let next = 0;

  return values.map((value) => (value === null ? null : (encrypted[next++] ?? null)));
}
