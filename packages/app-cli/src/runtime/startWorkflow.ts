import type { AppContext } from '@audience-bridge/app-api';
import type { Principal, Run, RunExportWorkflowInput } from '@audience-bridge/domain';

import type { Cli } from './Cli.js';
import { unwrap } from './unwrap.js';

/**
 * Runs a workflow in-process with an indeterminate progress line; on the embedded emulator the
 * uploads are ingested right away, as People core would do later, so receipts show their status.
 */
export async function startWorkflow(
  cli: Cli,
  context: AppContext,
  principal: Principal,
  input: RunExportWorkflowInput,
): Promise<Run> {
  const progress = cli.progress();
  progress.start('workflow', null);
  try {
    const run = unwrap(await context.useCases.runWorkflow.execute(principal, input));
    if (context.emulator !== null && run.report !== null && run.report.receipts.length > 0)
      await context.emulator.admin.ingest();
    return run;
  } finally {
    progress.finish();
  }
}
