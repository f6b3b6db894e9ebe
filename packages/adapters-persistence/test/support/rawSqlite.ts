import { knex } from '@mikro-orm/knex';

/** Reads a SQLite file directly, around the adapter, to check what is really stored. */
export async function rawSqlite<T>(file: string, sql: string): Promise<T[]> {
  const client = knex({
    client: 'better-sqlite3',
    connection: { filename: file, options: { readonly: true } },
    useNullAsDefault: true,
  });
  try {
    return (await client.raw(sql)) as T[];
  } finally {
    await client.destroy();
  }
}
