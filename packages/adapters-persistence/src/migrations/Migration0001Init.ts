import { DialectMigration } from './DialectMigration.js';
import { initialSchema, initialTables } from './schemaStatements.js';

/** Creates the whole schema; the same migration serves SQLite and PostgreSQL, branching on the platform. */
export class Migration0001Init extends DialectMigration {
  override up(): void {
    for (const statement of initialSchema(this.dialect())) this.addSql(statement);
  }

  override down(): void {
    for (const table of initialTables) this.addSql(`drop table if exists ${table}`);
  }
}
