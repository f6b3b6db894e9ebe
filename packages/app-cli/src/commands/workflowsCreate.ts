import type { Command } from 'commander';

import { runCommand } from '../runtime/Cli.js';
import { readJsonFile } from '../runtime/readJsonFile.js';
import { unwrap } from '../runtime/unwrap.js';

/** `workflows create FILE.json`: validates and saves a workflow. */
export function addWorkflowsCreate(group: Command): void {
  group
    .command('create')
    .description('Validate and save a workflow from a JSON file')
    .argument('<file>', 'the workflow document: { "name", "activities": [...] }')
    .addHelpText(
      'after',
      `
Activities: query (filter), readAudience, union, intersection, exclusion, reconcile, saveAudience
(a list with "audience", or an export with "share"). Every problem is listed; exit 2 when invalid.

Example:
  $ audience-bridge workflows create martins.json`,
    )
    .action((file: string, _flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const document = await readJsonFile(file);
        const context = await cli.context();
        const saved = unwrap(await context.useCases.workflows.create(await cli.principal('any'), document));

        cli.print(
          saved,
          () =>
            `workflow ${saved.id} "${saved.name}" saved; start it with \`audience-bridge workflows start ${saved.id}\``,
        );
      }),
    );
}
