import { DialectMigration } from './DialectMigration.js';
import { initialStagingTable, typesOf } from './schemaStatements.js';

/**
 * Reconciliation sessions stage into temporary tables of their own on both databases, so the shared
 * `reconciliation_staging` table goes. Its rows were scratch data of sessions in progress: a session
 * staged before the upgrade cannot complete after it.
 */
export class Migration0002DropSharedStaging extends DialectMigration {
  override up(): void {
    this.addSql('drop table if exists reconciliation_staging');
  }

  override down(): void {
    this.addSql(initialStagingTable(typesOf(this.dialect())));
  }
}
