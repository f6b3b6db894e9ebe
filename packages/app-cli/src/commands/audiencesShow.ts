import type { Command } from 'commander';

import { renderFields } from '../output/table.js';
import { runCommand } from '../runtime/Cli.js';
import { unwrap } from '../runtime/unwrap.js';

/** `audiences show ID`: one audience's details. */
export function addAudiencesShow(group: Command): void {
  group
    .command('show')
    .description('Show one audience')
    .argument('<id>', 'the audience id')
    .addHelpText(
      'after',
      '\nExamples:\n  $ audience-bridge audiences show aud_123\n  $ audience-bridge audiences show aud_123 --json',
    )
    .action((id: string, _flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const audience = unwrap(await context.useCases.audiences.show(await cli.principal('any'), id));

        cli.print(audience, () =>
          renderFields([
            ['id', audience.id],
            ['label', audience.label],
            ['type', audience.type],
            ['members', audience.memberCount],
            ['version', audience.version],
            ['shared audience', audience.source?.sharedAudienceId],
            ['data source', audience.source?.dataSourceId],
            ['import path', audience.source?.path],
            ['forced reconciliation', audience.source?.forceReconciliation],
            ['filter', audience.filter === null ? null : JSON.stringify(audience.filter)],
            ['created', `${audience.createdAt.toISOString()} by ${audience.createdBy}`],
            ['last synced', audience.lastSyncedAt?.toISOString()],
          ]),
        );
      }),
    );
}
