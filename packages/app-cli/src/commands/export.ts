import type { Command } from 'commander';

import { renderRun, runDocument, runExitCode } from '../output/report.js';
import { runCommand } from '../runtime/Cli.js';
import { readJsonFile } from '../runtime/readJsonFile.js';
import { startWorkflow } from '../runtime/startWorkflow.js';
import { unwrap } from '../runtime/unwrap.js';

/** `export WORKFLOW.json`: saves a workflow and starts it in one step. */
export function addExport(program: Command): void {
  program
    .command('export')
    .description('Save a workflow and start it in one step (an export; needs login)')
    .argument('<file>', 'the workflow document, with a saveAudience that shares')
    .addHelpText(
      'after',
      `
Exit 1 when the run fails, 2 when the document is invalid, 3 without a valid IMS login.

Example workflow (profiles named Martin → a new segment, then a list of those exported):
  { "name": "Martins", "activities": [
    { "id": "q", "type": "query", "filter": { "field": "attributes.lastName", "op": "eq", "value": "Martin" } },
    { "id": "share", "type": "saveAudience", "input": "q", "share": {
        "target": { "createSegment": { "name": "Martins" } }, "dataSourceId": "emulator-hashedEmail", "outboundTransition": true } },
    { "id": "keep", "type": "saveAudience", "input": "share", "audience": { "label": "Martins exported", "mode": "replace" } } ] }

Example:
  $ audience-bridge export martins.json`,
    )
    .action((file: string, _flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const document = await readJsonFile(file);
        const context = await cli.context();
        const principal = await cli.principal('ims');
        const saved = unwrap(await context.useCases.workflows.create(principal, document));
        cli.note(`workflow ${saved.id} saved; starting`);
        const run = await startWorkflow(cli, context, principal, { workflowId: saved.id });

        cli.print(
          { workflow: saved, run: runDocument(run) },
          () => `workflow ${saved.id} "${saved.name}"\n${renderRun(run)}`,
        );
        return runExitCode(run);
      }),
    );
}
