import type { Command } from 'commander';

import { renderTable } from '../output/table.js';
import { runCommand } from '../runtime/Cli.js';
import { readJsonFile } from '../runtime/readJsonFile.js';
import { unwrap } from '../runtime/unwrap.js';

/** `workflows validate FILE.json`: checks a workflow without saving it, and estimates each activity. */
export function addWorkflowsValidate(group: Command): void {
  group
    .command('validate')
    .description(
      'Check a workflow JSON file without saving it: every problem, or the count each activity would produce now',
    )
    .argument('<file>', 'the workflow document')
    .addHelpText('after', '\nExample:\n  $ audience-bridge workflows validate martins.json && echo valid')
    .action((file: string, _flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const document = await readJsonFile(file);
        const context = await cli.context();
        const principal = await cli.principal('any');
        const plan = unwrap(context.useCases.workflows.validate(principal, document));
        const estimate = unwrap(await context.useCases.estimateWorkflow.execute(principal, document));
        const rows = plan.activities.map((activity) => ({
          id: activity.id,
          type: activity.type,
          estimated: estimate.activities[activity.id] ?? 0,
        }));

        cli.print({ valid: true, name: plan.document.name, activities: rows }, () =>
          [
            `${file} is valid; if started now, its activities would produce:`,
            renderTable(rows, [
              { heading: 'ACTIVITY', cell: (row) => row.id },
              { heading: 'TYPE', cell: (row) => row.type },
              { heading: 'ESTIMATED', cell: (row) => row.estimated, align: 'right' },
            ]),
          ].join('\n'),
        );
      }),
    );
}
