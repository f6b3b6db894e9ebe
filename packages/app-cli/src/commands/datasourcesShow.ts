import type { SharedDataSourceSummary } from '@audience-bridge/domain';
import type { Command } from 'commander';

import { renderFields } from '../output/table.js';
import { runCommand } from '../runtime/Cli.js';
import { unwrap } from '../runtime/unwrap.js';

/** A data source's fields, without its key or IV. */
export function renderDataSource(source: SharedDataSourceSummary): string {
  return renderFields([
    ['id', source.id],
    ['label', source.label],
    ['DPID', source.dataSourceId],
    ['destination', source.destinationId],
    ['reconciliation key', source.reconciliationKey],
    ['channel', source.channel],
    ['encryption', source.encryption.algorithm],
  ]);
}

/** `datasources show ID`: one data source, never its key. */
export function addDatasourcesShow(group: Command): void {
  group
    .command('show')
    .description('Show one shared data source (its key and IV are never shown)')
    .argument('<id>', 'the data source id')
    .addHelpText(
      'after',
      '\nExamples:\n  $ audience-bridge datasources show emulator-aesEmail\n  $ audience-bridge datasources show emulator-aesEmail --json',
    )
    .action((id: string, _flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const source = unwrap(await context.useCases.dataSources.show(await cli.principal('any'), id));

        cli.print(source, () => renderDataSource(source));
      }),
    );
}
