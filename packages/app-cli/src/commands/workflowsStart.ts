import type { Command } from 'commander';

import { renderRun, runDocument, runExitCode } from '../output/report.js';
import { runCommand } from '../runtime/Cli.js';
import { startWorkflow } from '../runtime/startWorkflow.js';

/** `workflows start ID`: runs a saved workflow now, in-process. */
export function addWorkflowsStart(group: Command): void {
  group
    .command('start')
    .description('Run a saved workflow now; a workflow with a shared save exports (needs login)')
    .argument('<id>', 'the workflow id')
    .addHelpText(
      'after',
      '\nExit 1 when the run fails, 3 when it exports without a login.\n\nExample:\n  $ audience-bridge workflows start wf_123',
    )
    .action((id: string, _flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const run = await startWorkflow(cli, context, await cli.principal('any'), { workflowId: id });

        cli.print(runDocument(run), () => renderRun(run));
        return runExitCode(run);
      }),
    );
}
