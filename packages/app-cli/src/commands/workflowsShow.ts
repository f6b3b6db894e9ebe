import type { Command } from 'commander';

import { runCommand } from '../runtime/Cli.js';
import { unwrap } from '../runtime/unwrap.js';

/** `workflows show ID`: a saved workflow's document and metadata. */
export function addWorkflowsShow(group: Command): void {
  group
    .command('show')
    .description('Show a saved workflow and its document')
    .argument('<id>', 'the workflow id')
    .addHelpText(
      'after',
      '\nExamples:\n  $ audience-bridge workflows show wf_123\n  $ audience-bridge workflows show wf_123 --json > copy.json',
    )
    .action((id: string, _flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const saved = unwrap(await context.useCases.workflows.show(await cli.principal('any'), id));

        cli.print(
          saved,
          () =>
            `workflow ${saved.id} "${saved.name}", created ${saved.createdAt.toISOString()} by ${saved.createdBy}\n${JSON.stringify(saved.document, null, 2)}`,
        );
      }),
    );
}
