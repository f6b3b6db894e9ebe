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

/** Raw SQL through the ORM's knex layer, inside a transaction or not, with results normalised per dialect. */
export class SqlExecutor {
  constructor(
    readonly dialect: Dialect,
    private readonly knex: Knex,
    private readonly trx: Knex.Transaction | null,
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
    let inserted = 0;
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const sql = `insert into ${table} (${columns.join(', ')}) values ${chunk.map(() => tuple).join(', ')} ${suffix}`;
      inserted += await this.run(sql, chunk.flat());
    }

    return inserted;
  }

  private raw(sql: string, params: readonly unknown[]): Promise<unknown> {
    const query = this.knex.raw(sql, params.map((param) => this.bindable(param)) as Knex.RawBinding[]);

    return this.trx === null ? query : query.transacting(this.trx);
  }

  private bindable(param: unknown): unknown {
    if (this.dialect === 'sqlite' && typeof param === 'boolean') return param ? 1 : 0;

    return param;
  }
}
