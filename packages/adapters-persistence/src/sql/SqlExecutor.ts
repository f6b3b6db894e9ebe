import type { Knex } from '@mikro-orm/knex';

/** The two databases the adapter speaks; SQL differs between them only where this is consulted. */
export type Dialect = 'sqlite' | 'postgresql';

/** A SQL fragment with its positional (`?`) parameters, composed by the SQL builders. */
export interface Fragment {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** SQLite accepts 32766 bound parameters per statement; staying well below keeps statements quick to prepare. */
const MAX_PARAMS_PER_STATEMENT = 8000;

/** The part of the better-sqlite3 connection the prepared-statement path uses. */
interface SqliteConnection {
  prepare(sql: string): { run(...params: unknown[]): { changes: number } };
}

interface SqliteClient {
  acquireConnection(): Promise<SqliteConnection>;
  releaseConnection(connection: SqliteConnection): Promise<void>;
}

/** PostgreSQL column types by table; the schema only changes through migrations, before any insert. */
const columnTypeCache = new Map<string, ReadonlyMap<string, string>>();

const preparedStatements = new WeakMap<
  SqliteConnection,
  Map<string, ReturnType<SqliteConnection['prepare']>>
>();

/** A statement prepared once per connection and SQL text. */
function preparedOn(connection: SqliteConnection, sql: string): ReturnType<SqliteConnection['prepare']> {
  let cache = preparedStatements.get(connection);
  if (cache === undefined) {
    cache = new Map();
    preparedStatements.set(connection, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = connection.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * Raw SQL through the ORM's knex layer, inside a transaction or not, with results normalised per dialect.
 * Outside a transaction, statements go to the pool, or to `connection` when one is given.
 */
export class SqlExecutor {
  constructor(
    readonly dialect: Dialect,
    private readonly knex: Knex,
    private readonly trx: Knex.Transaction | null,
    private readonly connection: unknown = null,
  ) {}

  /** Rows of a query. */
  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result: unknown = await this.raw(sql, params);

    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
  }

  /** The first row of a query, or `null`. */
  async one<T>(sql: string, params: readonly unknown[] = []): Promise<T | null> {
    const rows = await this.all<T>(sql, params);

    return rows[0] ?? null;
  }

  /** A statement that changes rows; returns how many it changed. */
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const result = (await this.raw(sql, params)) as { changes?: number; rowCount?: number | null };

    return result.changes ?? result.rowCount ?? 0;
  }

  /** Multi-row inserts in chunks that respect the bound-parameter limit; returns rows inserted. */
  async insertRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    suffix = '',
  ): Promise<number> {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const statement = (count: number): string =>
      `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: count }, () => tuple).join(', ')} ${suffix}`;
    if (this.dialect === 'sqlite') return this.insertPrepared(statement, rows, perStatement);
    if (rows.length > 0) return this.insertUnnested(table, columns, rows, suffix);

    let inserted = 0;
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      inserted += await this.run(statement(chunk.length), chunk.flat());
    }

    return inserted;
  }

  /**
   * PostgreSQL takes any number of rows in one statement as one typed array per column (`unnest`), which
   * spares both the bound-parameter limit and the parsing of a statement with thousands of parameters.
   */
  private async insertUnnested(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    suffix: string,
  ): Promise<number> {
    const types = await this.columnTypes(table);
    const arrays = columns.map((_, index) => rows.map((row) => row[index] ?? null));
    const casts = columns.map((column) => `?::${types.get(column) ?? 'text'}[]`);

    return this.run(
      `insert into ${table} (${columns.join(', ')}) select * from unnest(${casts.join(', ')}) ${suffix}`,
      arrays,
    );
  }

  /** A table's column types as PostgreSQL names them, read once per table. */
  private async columnTypes(table: string): Promise<ReadonlyMap<string, string>> {
    const cached = columnTypeCache.get(table);
    if (cached !== undefined) return cached;

    const rows = await this.all<{ name: string; type: string }>(
      'select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute ' +
        'where attrelid = ?::regclass and attnum > 0 and not attisdropped',
      [table],
    );
    const types = new Map(rows.map((row) => [row.name, row.type]));
    columnTypeCache.set(table, types);
    return types;
  }

  /**
   * SQLite runs in-process: the same multi-row statements go straight to the driver's connection as
   * prepared statements (one per chunk size, cached), which spares the query builder's per-parameter work.
   */
  private async insertPrepared(
    statement: (count: number) => string,
    rows: readonly (readonly unknown[])[],
    perStatement: number,
  ): Promise<number> {
    const client = (this.trx ?? this.knex).client as SqliteClient;
    const connection = await client.acquireConnection();
    try {
      let inserted = 0;
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const params = chunk.flat().map((param) => this.bindable(param));
        inserted += preparedOn(connection, statement(chunk.length)).run(...params).changes;
      }
      return inserted;
    } finally {
      if (this.trx === null) await client.releaseConnection(connection);
    }
  }

  private raw(sql: string, params: readonly unknown[]): Promise<unknown> {
    const query = this.knex.raw(sql, params.map((param) => this.bindable(param)) as Knex.RawBinding[]);

    if (this.trx !== null) return query.transacting(this.trx);

    return this.connection === null ? query : query.connection(this.connection);
  }

  private bindable(param: unknown): unknown {
    if (this.dialect === 'sqlite' && typeof param === 'boolean') return param ? 1 : 0;

    return param;
  }
}
