import type { RecordCategory } from '@audience-bridge/domain';
import { Option, type Command } from 'commander';

import { streamCsv } from '../output/csv.js';
import { renderRun, runDocument } from '../output/report.js';
import { renderTable } from '../output/table.js';
import { runCommand } from '../runtime/Cli.js';
import { integerIn } from '../runtime/parsers.js';
import { allPages, unwrap } from '../runtime/unwrap.js';

interface ShowFlags {
  readonly rejects?: boolean;
  readonly csv?: boolean;
  readonly category?: RecordCategory;
  readonly limit: number;
}

/** `runs show ID [--rejects] [--csv]`: a run's report, or the records it did not import or export. */
export function addRunsShow(group: Command): void {
  group
    .command('show')
    .description("Show a run's report; --rejects lists the records not imported or exported, with reasons")
    .argument('<id>', 'the run id')
    .option('--rejects', 'list the rejected, unreconciled, ignored and ambiguous records')
    .addOption(
      new Option('--category <category>', 'with --rejects: only one category').choices([
        'rejected',
        'unreconciled',
        'ignored',
        'ambiguous',
      ]),
    )
    .option('--csv', 'with --rejects: stream every record as CSV (category,value,reason)')
    .option('--limit <n>', 'with --rejects, without --csv: at most this many', integerIn(1, 10_000), 50)
    .addHelpText(
      'after',
      `
Examples:
  $ audience-bridge runs show run_123
  $ audience-bridge runs show run_123 --rejects --category unreconciled
  $ audience-bridge runs show run_123 --rejects --csv > rejects.csv`,
    )
    .action((id: string, flags: ShowFlags, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const principal = await cli.principal('any');
        const runs = context.useCases.runs;
        const run = unwrap(await runs.show(principal, id));
        if (flags.rejects !== true) {
          cli.print(runDocument(run), () => renderRun(run));
          return;
        }
        if (flags.csv === true) {
          const pages = allPages((page) => runs.records(principal, id, page, flags.category));
          const count = await streamCsv(process.stdout, ['category', 'value', 'reason'], pages, (record) => [
            record.category,
            record.value,
            record.reason,
          ]);
          cli.note(`${count} records`);
          return;
        }

        const page = unwrap(
          await runs.records(principal, id, { offset: 0, limit: flags.limit }, flags.category),
        );
        cli.print(page, () =>
          [
            renderTable(page.items, [
              { heading: 'CATEGORY', cell: (row) => row.category },
              { heading: 'VALUE', cell: (row) => row.value },
              { heading: 'REASON', cell: (row) => row.reason },
            ]),
            `${page.items.length} of ${page.total}`,
          ].join('\n'),
        );
      }),
    );
}
