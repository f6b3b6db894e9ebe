import type { EntityManager, Knex } from '@mikro-orm/knex';

import { DedicatedConnection } from './DedicatedConnection.js';
import { SqlExecutor, type Dialect } from './SqlExecutor.js';

/** Hands each unit of work its own forked entity manager, and with it a SQL executor, optionally transactional. */
export class SqlGateway {
  private readonly dedicatedConnections = new Set<DedicatedConnection>();

  constructor(
    private readonly root: EntityManager,
    readonly dialect: Dialect,
  ) {}

  /** Runs statements outside a transaction (each one commits on its own). */
  async work<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    const em = this.root.fork();

    return fn(new SqlExecutor(this.dialect, em.getKnex(), null));
  }

  /**
   * Opens a connection of its own, outside the pool, for work whose state lives in the connection (temporary
   * tables) across several units of work; the caller ends it.
   */
  async dedicated(): Promise<DedicatedConnection> {
    const connection = await DedicatedConnection.open(this.dialect, this.root.getKnex(), (ended) =>
      this.dedicatedConnections.delete(ended),
    );
    this.dedicatedConnections.add(connection);

    return connection;
  }

  /** Closes the dedicated connections still open (their units of work never ended them), before shutdown. */
  async endDedicated(): Promise<void> {
    await Promise.all([...this.dedicatedConnections].map((connection) => connection.end()));
  }

  /** Runs statements in one transaction, committed when `fn` resolves and rolled back when it throws. */
  async transaction<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    const em = this.root.fork();

    return em.transactional(async (tem) => {
      const trx = tem.getTransactionContext<Knex.Transaction>() ?? null;

      return fn(new SqlExecutor(this.dialect, tem.getKnex(), trx));
    });
  }
}
