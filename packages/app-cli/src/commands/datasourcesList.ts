import type { Command } from 'commander';

import { renderTable } from '../output/table.js';
import { runCommand } from '../runtime/Cli.js';
import { unwrap } from '../runtime/unwrap.js';

/** `datasources list`: every shared data source of the organisation. */
export function addDatasourcesList(group: Command): void {
  group
    .command('list')
    .description('List the shared data sources of your organisation')
    .addHelpText(
      'after',
      '\nExamples:\n  $ audience-bridge datasources list\n  $ audience-bridge datasources list --json',
    )
    .action((_flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const sources = unwrap(await context.useCases.dataSources.list(await cli.principal('any')));

        cli.print(sources, () =>
          renderTable(sources, [
            { heading: 'ID', cell: (row) => row.id },
            { heading: 'LABEL', cell: (row) => row.label },
            { heading: 'DPID', cell: (row) => row.dataSourceId, align: 'right' },
            { heading: 'DEST', cell: (row) => row.destinationId, align: 'right' },
            { heading: 'KEY', cell: (row) => row.reconciliationKey },
            { heading: 'CHANNEL', cell: (row) => row.channel },
            { heading: 'ENCRYPTION', cell: (row) => row.encryption.algorithm },
          ]),
        );
      }),
    );
}
