import { EntitySchema } from '@mikro-orm/core';

/** One match key of a profile (exactly `matchKeysOf(profile)`), so that every key kind is found by one join. */
export interface ProfileKeyRow {
  org: string;
  field: string;
  value: string;
  profileId: number;
}

/** Maps `profile_keys`, whose primary key (org, field, value, profile_id) is the reconciliation index. */
export const ProfileKeyEntity = new EntitySchema<ProfileKeyRow>({
  name: 'ProfileKeyRow',
  tableName: 'profile_keys',
  indexes: [{ name: 'profile_keys_profile', properties: ['profileId'] }],
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    field: { type: 'string', columnType: 'text', primary: true },
    value: { type: 'string', columnType: 'text', primary: true },
    profileId: { type: 'integer', primary: true, fieldName: 'profile_id' },
  },
});
