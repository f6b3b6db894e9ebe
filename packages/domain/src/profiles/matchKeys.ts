import { createHash } from 'node:crypto';

import type { ReconciliationKey } from '../datasources/SharedDataSource.js';
import type { Profile } from './Profile.js';

/**
 * A field a segment ID can be matched against: a reconciliation key in plain form, or the
 * SHA-256 of its normalised value (suffix `#sha256`) for hashed data sources.
 */
export type MatchField = ReconciliationKey | `${ReconciliationKey}#sha256`;

/** One identifier of one profile, in the form a staged segment ID is compared with. */
export interface MatchKey {
  readonly field: MatchField;
  readonly value: string;
}

/** SHA-256 of a normalised value, lower-case hex. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

export function matchFieldOf(key: ReconciliationKey, hashed: boolean): MatchField {
  return hashed ? `${key}#sha256` : key;
}

/** The value of one reconciliation key on a profile, or `null` when the profile has none. */
export function profileKeyValue(profile: Profile, key: ReconciliationKey): string | null {
  switch (key) {
    case 'visitorId':
      return profile.visitorId;
    case 'email':
      return profile.email;
    case 'mobilePhone':
      return profile.mobilePhone;
    default:
      return profile.customKeys[key.slice('custom:'.length)] ?? null;
  }
}

/**
 * Every key by which a profile can be found: each identifier in plain form and, except the
 * visitor ID, as SHA-256. Storage adapters index exactly these; the reference matcher uses them too.
 */
export function matchKeysOf(profile: Profile): MatchKey[] {
  const keys: MatchKey[] = [];
  if (profile.visitorId !== null) keys.push({ field: 'visitorId', value: profile.visitorId });

  const declared: [ReconciliationKey, string | null][] = [
    ['email', profile.email],
    ['mobilePhone', profile.mobilePhone],
    ...Object.entries(profile.customKeys).map(([name, value]): [ReconciliationKey, string] => [
      `custom:${name}`,
      value,
    ]),
  ];
  for (const [field, value] of declared) {
    if (value === null) continue;
    keys.push({ field, value }, { field: `${field}#sha256`, value: sha256Hex(value) });
  }

  return keys;
}
