import { EntitySchema } from '@mikro-orm/core';

/** One member (a profile key or an address) of one generation of an audience's members. */
export interface AudienceMemberRow {
  org: string;
  audienceId: string;
  generation: number;
  member: string;
}

/** Maps `audience_members`; generations let a replace be written aside and switched atomically. */
export const AudienceMemberEntity = new EntitySchema<AudienceMemberRow>({
  name: 'AudienceMemberRow',
  tableName: 'audience_members',
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    audienceId: { type: 'string', columnType: 'text', primary: true, fieldName: 'audience_id' },
    generation: { type: 'integer', primary: true },
    member: { type: 'string', columnType: 'text', primary: true },
  },
});
