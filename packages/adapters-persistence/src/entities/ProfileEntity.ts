import { EntitySchema } from '@mikro-orm/core';

/** A stored profile: identifiers as columns, custom keys and attributes as JSON, opt-outs as flags. */
export interface ProfileRow {
  id: number;
  org: string;
  key: string;
  email: string | null;
  mobilePhone: string | null;
  visitorId: string | null;
  customKeys: Record<string, string>;
  attributes: Record<string, unknown>;
  optOutAll: boolean;
  optOutEmail: boolean;
  optOutSms: boolean;
}

/** Maps `profiles`; the profile key is unique per organisation. */
export const ProfileEntity = new EntitySchema<ProfileRow>({
  name: 'ProfileRow',
  tableName: 'profiles',
  uniques: [{ name: 'profiles_org_key', properties: ['org', 'key'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    org: { type: 'string', columnType: 'text' },
    key: { type: 'string', columnType: 'text' },
    email: { type: 'string', columnType: 'text', nullable: true },
    mobilePhone: { type: 'string', columnType: 'text', nullable: true, fieldName: 'mobile_phone' },
    visitorId: { type: 'string', columnType: 'text', nullable: true, fieldName: 'visitor_id' },
    customKeys: { type: 'json', fieldName: 'custom_keys' },
    attributes: { type: 'json' },
    optOutAll: { type: 'boolean', fieldName: 'opt_out_all' },
    optOutEmail: { type: 'boolean', fieldName: 'opt_out_email' },
    optOutSms: { type: 'boolean', fieldName: 'opt_out_sms' },
  },
});
