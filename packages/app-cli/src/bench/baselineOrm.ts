import { locateDatabaseUrl } from './databaseUrl.js';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { EntitySchema, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';

/** A profile key row as a naive adapter would map it. */
export interface NaiveProfileKey {
  org: string;
  field: string;
  value: string;
  profileId: number;
}

/** The profile columns a naive adapter reads (the whole row, as an ORM does by default). */
export interface NaiveProfile {
  id: number;
  org: string;
  key: string;
  email: string | null;
  visitorId: string | null;
  customKeys: unknown;
  attributes: unknown;
}

/** One audience member row. */
export interface NaiveMember {
  org: string;
  audienceId: string;
  generation: number;
  member: string;
}

const text = { type: 'string', columnType: 'text' } as const;

/** The baselines' own mapping of the tables they read and write. */
export const NaiveProfileKeyEntity = new EntitySchema<NaiveProfileKey>({
  name: 'NaiveProfileKey',
  tableName: 'profile_keys',
  properties: {
    org: { ...text, primary: true },
    field: { ...text, primary: true },
    value: { ...text, primary: true },
    profileId: { type: 'integer', primary: true, fieldName: 'profile_id' },
  },
});

export const NaiveProfileEntity = new EntitySchema<NaiveProfile>({
  name: 'NaiveProfile',
  tableName: 'profiles',
  properties: {
    id: { type: 'integer', primary: true },
    org: text,
    key: text,
    email: { ...text, nullable: true },
    visitorId: { ...text, nullable: true, fieldName: 'visitor_id' },
    customKeys: { type: 'json', fieldName: 'custom_keys' },
    attributes: { type: 'json' },
  },
});

export const NaiveMemberEntity = new EntitySchema<NaiveMember>({
  name: 'NaiveMember',
  tableName: 'audience_members',
  properties: {
    org: { ...text, primary: true },
    audienceId: { ...text, primary: true, fieldName: 'audience_id' },
    generation: { type: 'integer', primary: true },
    member: { ...text, primary: true },
  },
});

/** A second ORM on the bench database, in the same process, for the baselines; the schema already exists. */
export type BaselineOrm = MikroORM<BetterSqliteDriver> | MikroORM<PostgreSqlDriver>;

/** SQLite settings the adapter also uses, so that the baselines run on equal terms. */
const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'temp_store = MEMORY',
  'cache_size = -65536',
  'busy_timeout = 5000',
];

interface PragmaTarget {
  pragma(source: string): unknown;
}

/** Opens the baseline ORM on the database named by a `sqlite:` or `postgres://` URL. */
export function openBaselineOrm(url: string): Promise<BaselineOrm> {
  const entities = [NaiveProfileKeyEntity, NaiveProfileEntity, NaiveMemberEntity];
  const location = locateDatabaseUrl(url);
  if (location.dialect === 'postgresql') {
    return MikroORM.init<PostgreSqlDriver>({
      driver: PostgreSqlDriver,
      clientUrl: location.url,
      entities,
      allowGlobalContext: false,
    });
  }
  const afterCreate = (
    connection: PragmaTarget,
    done: (error: Error | null, connection: PragmaTarget) => void,
  ): void => {
    for (const pragma of SQLITE_PRAGMAS) connection.pragma(pragma);
    done(null, connection);
  };

  return MikroORM.init<BetterSqliteDriver>({
    driver: BetterSqliteDriver,
    dbName: location.path,
    entities,
    allowGlobalContext: false,
    pool: { min: 1, max: 1, afterCreate },
  });
}

/** The ORM's entity manager with SQL access (both drivers share the knex-based one). */
export const sqlEntityManager = (orm: BaselineOrm): EntityManager => orm.em;
