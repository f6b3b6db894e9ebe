import type { Command } from 'commander';

import { renderRun, runDocument, runExitCode } from '../output/report.js';
import { runCommand } from '../runtime/Cli.js';
import { ensureFullDelivery } from '../runtime/embeddedDelivery.js';
import { unwrap } from '../runtime/unwrap.js';

interface ImportFlags {
  readonly label: string;
  readonly sharedAudience: string;
  readonly dataSource: string;
  readonly forceReconciliation?: boolean;
}

/** `audiences import`: creates an import of a People core segment and runs its first sync in-process. */
export function addAudiencesImport(group: Command): void {
  group
    .command('import')
    .description('Import a People core segment as a campaign audience and run its first sync (needs login)')
    .requiredOption('--label <label>', 'the audience label')
    .requiredOption('--shared-audience <id>', 'the segment id (see `shared-audiences list`)')
    .requiredOption('--data-source <id>', 'the shared data source id (see `datasources list`)')
    .option(
      '--force-reconciliation',
      'encrypted sources only: match profiles instead of keeping a file of addresses',
    )
    .addHelpText(
      'after',
      `
An encrypted email or SMS source without --force-reconciliation gives a file audience of every
decrypted address; every other case reconciles IDs with profiles. Exit 1 when the sync fails,
2 for a bad choice (a trait, --force-reconciliation on a plain source), 3 without a login.

Examples:
  $ audience-bridge audiences import --label "Recent visitors" --shared-audience 20001 --data-source emulator-visitor
  $ audience-bridge audiences import --label "Newsletter" --shared-audience 20002 --data-source emulator-aesEmail --force-reconciliation`,
    )
    .action((flags: ImportFlags, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const principal = await cli.principal('ims');
        const input = {
          label: flags.label,
          sharedAudienceId: flags.sharedAudience,
          dataSourceId: flags.dataSource,
          forceReconciliation: flags.forceReconciliation === true,
        };
        const audience = unwrap(await context.useCases.createImport.execute(principal, input));
        cli.note(
          `audience ${audience.id} created (${audience.type}, ${audience.source?.path ?? 'reconcile'}); syncing`,
        );

        await ensureFullDelivery(context, flags.dataSource, principal.orgId);
        const run = unwrap(
          await context
            .withProgress(cli.progress())
            .syncAudience.execute(principal, { audienceId: audience.id }),
        );

        cli.print(
          { audience, run: runDocument(run) },
          () => `audience ${audience.id} "${audience.label}" (${audience.type})\n${renderRun(run)}`,
        );
        return runExitCode(run);
      }),
    );
}
