import type { Command } from 'commander';

import { renderTable } from '../output/table.js';
import { runCommand } from '../runtime/Cli.js';
import { integerIn } from '../runtime/parsers.js';
import { unwrap } from '../runtime/unwrap.js';

/** `workflows list`: saved workflows. */
export function addWorkflowsList(group: Command): void {
  group
    .command('list')
    .description('List saved workflows')
    .option('--limit <n>', 'at most this many', integerIn(1, 10_000), 50)
    .option('--offset <n>', 'skip this many', integerIn(0, Number.MAX_SAFE_INTEGER), 0)
    .addHelpText(
      'after',
      '\nExamples:\n  $ audience-bridge workflows list\n  $ audience-bridge workflows list --json',
    )
    .action((flags: { limit: number; offset: number }, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const page = unwrap(await context.useCases.workflows.list(await cli.principal('any'), flags));

        cli.print(page, () =>
          renderTable(page.items, [
            { heading: 'ID', cell: (row) => row.id },
            { heading: 'ACTIVITIES', cell: (row) => row.document.activities.length, align: 'right' },
            { heading: 'CREATED', cell: (row) => row.createdAt.toISOString() },
            { heading: 'NAME', cell: (row) => row.name },
          ]),
        );
      }),
    );
}
