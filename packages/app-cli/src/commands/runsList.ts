import type { RunKind } from '@audience-bridge/domain';
import { Option, type Command } from 'commander';

import { matchRate, percent } from '../output/report.js';
import { renderTable } from '../output/table.js';
import { runCommand } from '../runtime/Cli.js';
import { integerIn } from '../runtime/parsers.js';
import { unwrap } from '../runtime/unwrap.js';

interface ListFlags {
  readonly kind?: RunKind;
  readonly subject?: string;
  readonly limit: number;
  readonly offset: number;
}

/** `runs list`: import syncs and exports, newest first, with their counts. */
export function addRunsList(group: Command): void {
  group
    .command('list')
    .description('List runs (import syncs and exports) with status and counts')
    .addOption(new Option('--kind <kind>', 'only one kind').choices(['import', 'export', 'profiles']))
    .option('--subject <id>', 'only the runs of this audience or workflow')
    .option('--limit <n>', 'at most this many', integerIn(1, 10_000), 50)
    .option('--offset <n>', 'skip this many', integerIn(0, Number.MAX_SAFE_INTEGER), 0)
    .addHelpText(
      'after',
      '\nExamples:\n  $ audience-bridge runs list\n  $ audience-bridge runs list --kind import --subject aud_123 --json',
    )
    .action((flags: ListFlags, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const filter = {
          ...(flags.kind === undefined ? {} : { kind: flags.kind }),
          ...(flags.subject === undefined ? {} : { subjectId: flags.subject }),
        };
        const page = unwrap(
          await context.useCases.runs.list(
            await cli.principal('any'),
            { offset: flags.offset, limit: flags.limit },
            filter,
          ),
        );

        cli.print(page, () =>
          renderTable(page.items, [
            { heading: 'ID', cell: (row) => row.id },
            { heading: 'KIND', cell: (row) => row.kind },
            { heading: 'STATUS', cell: (row) => row.status },
            { heading: 'SUBJECT', cell: (row) => row.subjectId },
            { heading: 'INPUT', cell: (row) => row.report?.counts.input, align: 'right' },
            {
              heading: 'MATCH',
              cell: (row) => (row.report === null ? null : percent(matchRate(row.kind, row.report.counts))),
              align: 'right',
            },
            { heading: 'STARTED', cell: (row) => row.startedAt.toISOString() },
          ]),
        );
      }),
    );
}
