import { matchKeysOf, type AttributeValue, type OrgId, type Profile } from '@audience-bridge/domain';

import { readFlag, readJson } from '../sql/values.js';

/** The columns every profile read selects, from `profiles p`. */
export const PROFILE_COLUMNS =
  'p.key, p.email, p.mobile_phone, p.visitor_id, p.custom_keys, p.attributes, p.opt_out_all, p.opt_out_email, p.opt_out_sms';

export interface ProfileSqlRow {
  key: string;
  email: string | null;
  mobile_phone: string | null;
  visitor_id: string | null;
  custom_keys: unknown;
  attributes: unknown;
  opt_out_all: unknown;
  opt_out_email: unknown;
  opt_out_sms: unknown;
}

/** A stored row as the domain's profile. */
export function profileOf(row: ProfileSqlRow): Profile {
  return {
    key: row.key,
    email: row.email,
    mobilePhone: row.mobile_phone,
    visitorId: row.visitor_id,
    customKeys: readJson(row.custom_keys) as Record<string, string>,
    attributes: readJson(row.attributes) as Record<string, AttributeValue>,
    optOut: {
      all: readFlag(row.opt_out_all),
      email: readFlag(row.opt_out_email),
      sms: readFlag(row.opt_out_sms),
    },
  };
}

export const PROFILE_INSERT_COLUMNS = [
  'org',
  'key',
  'email',
  'mobile_phone',
  'visitor_id',
  'custom_keys',
  'attributes',
  'opt_out_all',
  'opt_out_email',
  'opt_out_sms',
] as const;

/** The values of one `profiles` row, in `PROFILE_INSERT_COLUMNS` order. */
export function profileValues(org: OrgId, profile: Profile): unknown[] {
  return [
    org,
    profile.key,
    profile.email,
    profile.mobilePhone,
    profile.visitorId,
    JSON.stringify(profile.customKeys),
    JSON.stringify(profile.attributes),
    profile.optOut.all,
    profile.optOut.email,
    profile.optOut.sms,
  ];
}

/** The `profile_keys` rows of profiles, given each profile's row id. */
export function matchKeyValues(
  org: OrgId,
  profiles: readonly Profile[],
  idOf: ReadonlyMap<string, number>,
): unknown[][] {
  return profiles.flatMap((profile) => {
    const id = idOf.get(profile.key);

    return id === undefined ? [] : matchKeysOf(profile).map((key) => [org, key.field, key.value, id]);
  });
}
