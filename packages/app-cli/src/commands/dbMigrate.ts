import type { Command } from 'commander';

import { runCommand } from '../runtime/Cli.js';

/** `db migrate`: applies pending database migrations. */
export function addDbMigrate(db: Command): void {
  db.command('migrate')
    .description('Apply pending migrations to the configured database (AB_DATABASE_URL)')
    .addHelpText(
      'after',
      `
Every command migrates when it opens the database; run this to migrate once before starting API
instances or workers in the distributed shape.

Examples:
  $ audience-bridge db migrate
  $ AB_DATABASE_URL=postgres://app:app@localhost:5432/app AB_MASTER_KEY=... audience-bridge db migrate`,
    )
    .action((_options: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        await context.persistence.migrate();
        const result = { database: context.persistence.dialect, migrated: true };

        cli.print(result, () => `database (${context.persistence.dialect}) is up to date`);
      }),
    );
}
