import type { Command } from 'commander';

import { runCommand } from '../runtime/Cli.js';
import { readJsonFile } from '../runtime/readJsonFile.js';
import { unwrap } from '../runtime/unwrap.js';

/** `workflows validate FILE.json`: checks a workflow without saving it. */
export function addWorkflowsValidate(group: Command): void {
  group
    .command('validate')
    .description('Check a workflow JSON file without saving it; lists every problem')
    .argument('<file>', 'the workflow document')
    .addHelpText('after', '\nExample:\n  $ audience-bridge workflows validate martins.json && echo valid')
    .action((file: string, _flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const document = await readJsonFile(file);
        const context = await cli.context();
        const plan = unwrap(context.useCases.workflows.validate(await cli.principal('any'), document));
        const order = plan.activities.map((activity) => activity.id);

        cli.print(
          { valid: true, name: plan.document.name, order },
          () => `${file} is valid; activities run in order: ${order.join(' → ')}`,
        );
      }),
    );
}
