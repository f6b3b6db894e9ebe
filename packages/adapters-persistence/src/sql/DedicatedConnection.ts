import type { Knex } from '@mikro-orm/knex';

import { SqlExecutor, type Dialect } from './SqlExecutor.js';

/** The part of knex's client that opens and closes connections outside its pool. */
interface RawConnections {
  acquireRawConnection(): Promise<unknown>;
  destroyRawConnection(connection: unknown): Promise<void>;
}

/**
 * A database connection outside the pool, held by one unit of work that keeps state in the connection
 * itself (temporary tables), and closed by `end`; whatever the connection held goes with it, also when
 * the process dies.
 */
export class DedicatedConnection {
  private ended = false;

  private constructor(
    private readonly dialect: Dialect,
    private readonly knex: Knex,
    private readonly connection: unknown,
    private readonly onEnd: (ended: DedicatedConnection) => void,
  ) {}

  /** Opens a connection with the pool's settings; `onEnd` hears when it is closed. */
  static async open(
    dialect: Dialect,
    knex: Knex,
    onEnd: (ended: DedicatedConnection) => void,
  ): Promise<DedicatedConnection> {
    const connection = await (knex.client as RawConnections).acquireRawConnection();

    return new DedicatedConnection(dialect, knex, connection, onEnd);
  }

  /** Runs statements on the connection outside a transaction (each one commits on its own). */
  work<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    this.assertOpen();

    return fn(new SqlExecutor(this.dialect, this.knex, null, this.connection));
  }

  /** Runs statements on the connection in one transaction, committed when `fn` resolves. */
  transaction<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    this.assertOpen();

    return this.knex.transaction((trx) => fn(new SqlExecutor(this.dialect, this.knex, trx)), {
      connection: this.connection,
    });
  }

  /** Closes the connection; later calls do nothing. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.onEnd(this);
    await (this.knex.client as RawConnections).destroyRawConnection(this.connection);
  }

  private assertOpen(): void {
    if (this.ended) throw new Error('the dedicated connection is closed');
  }
}
