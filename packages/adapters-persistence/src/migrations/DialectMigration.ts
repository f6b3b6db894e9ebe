import { Migration } from '@mikro-orm/migrations';

import type { Dialect } from '../sql/SqlExecutor.js';

/** A migration written for both databases, branching on the platform it runs on. */
export abstract class DialectMigration extends Migration {
  /** The database this migration runs against. */
  protected dialect(): Dialect {
    return this.driver.getPlatform().constructor.name.startsWith('Postgre') ? 'postgresql' : 'sqlite';
  }
}
