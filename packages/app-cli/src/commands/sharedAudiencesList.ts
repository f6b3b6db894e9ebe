import type { SharedAudience } from '@audience-bridge/domain';
import { Option, type Command } from 'commander';

import { renderTable } from '../output/table.js';
import { runCommand } from '../runtime/Cli.js';
import { unwrap } from '../runtime/unwrap.js';

/** `shared-audiences list`: the People core segments and traits, to pick one to import. */
export function addSharedAudiencesList(group: Command): void {
  group
    .command('list')
    .description('List the People core segments (importable) and traits')
    .addOption(new Option('--kind <kind>', 'only segments or only traits').choices(['segment', 'trait']))
    .addHelpText(
      'after',
      '\nExamples:\n  $ audience-bridge shared-audiences list --kind segment\n  $ audience-bridge shared-audiences list --json',
    )
    .action((flags: { kind?: SharedAudience['kind'] }, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const filter = flags.kind === undefined ? {} : { kind: flags.kind };
        const items = unwrap(
          await context.useCases.sharedAudiences.execute(await cli.principal('any'), filter),
        );

        cli.print(items, () =>
          renderTable(items, [
            { heading: 'ID', cell: (row) => row.id },
            { heading: 'KIND', cell: (row) => row.kind },
            { heading: 'DPID', cell: (row) => row.dataSourceId, align: 'right' },
            { heading: 'NAME', cell: (row) => row.name },
          ]),
        );
      }),
    );
}
