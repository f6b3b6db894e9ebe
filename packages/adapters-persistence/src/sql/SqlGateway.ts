import type { EntityManager, Knex } from '@mikro-orm/knex';

import { SqlExecutor, type Dialect } from './SqlExecutor.js';

/** Hands each unit of work its own forked entity manager, and with it a SQL executor, optionally transactional. */
export class SqlGateway {
  constructor(
    private readonly root: EntityManager,
    readonly dialect: Dialect,
  ) {}

  /** Runs statements outside a transaction (each one commits on its own). */
  async work<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    const em = this.root.fork();

    return fn(new SqlExecutor(this.dialect, em.getKnex(), null));
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
