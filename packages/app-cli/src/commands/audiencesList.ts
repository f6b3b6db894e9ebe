import type { AudienceType } from '@audience-bridge/domain';
import { Option, type Command } from 'commander';

import { renderTable } from '../output/table.js';
import { runCommand } from '../runtime/Cli.js';
import { integerIn } from '../runtime/parsers.js';
import { unwrap } from '../runtime/unwrap.js';

interface ListFlags {
  readonly type?: AudienceType;
  readonly limit: number;
  readonly offset: number;
}

/** `audiences list`: campaign audiences with their type, source and member count. */
export function addAudiencesList(group: Command): void {
  group
    .command('list')
    .description('List campaign audiences (list, query, file, shared)')
    .addOption(new Option('--type <type>', 'only one type').choices(['list', 'query', 'file', 'shared']))
    .option('--limit <n>', 'at most this many', integerIn(1, 10_000), 50)
    .option('--offset <n>', 'skip this many', integerIn(0, Number.MAX_SAFE_INTEGER), 0)
    .addHelpText(
      'after',
      '\nExamples:\n  $ audience-bridge audiences list\n  $ audience-bridge audiences list --type shared --json',
    )
    .action((flags: ListFlags, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const principal = await cli.principal('any');
        const page = unwrap(
          await context.useCases.audiences.list(
            principal,
            { offset: flags.offset, limit: flags.limit },
            flags.type,
          ),
        );

        cli.print(page, () =>
          [
            renderTable(page.items, [
              { heading: 'ID', cell: (row) => row.id },
              { heading: 'TYPE', cell: (row) => row.type },
              { heading: 'MEMBERS', cell: (row) => row.memberCount, align: 'right' },
              {
                heading: 'SOURCE',
                cell: (row) =>
                  row.source === null
                    ? null
                    : `${row.source.sharedAudienceId} via ${row.source.dataSourceId}`,
              },
              { heading: 'SYNCED', cell: (row) => row.lastSyncedAt?.toISOString() },
              { heading: 'LABEL', cell: (row) => row.label },
            ]),
            `${page.items.length} of ${page.total}`,
          ].join('\n'),
        );
      }),
    );
}
