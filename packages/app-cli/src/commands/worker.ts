import type { Config } from '@audience-bridge/app-api';
import type { Command } from 'commander';

import { CliError } from '../output/errors.js';
import { runCommand } from '../runtime/Cli.js';
import { untilSignal } from './serve.js';

type RunWorker = (config: Config) => Promise<{ close(): Promise<void> }>;

async function loadRunWorker(): Promise<RunWorker> {
  const api: Record<string, unknown> = await import('@audience-bridge/app-api');
  const runWorker = api['runWorker'];
  if (typeof runWorker !== 'function')
    throw new CliError(
      'this build of @audience-bridge/app-api has no job worker: rebuild with `npm install`',
      1,
      'CLI.UNAVAILABLE',
    );

  return runWorker as RunWorker;
}

/** `worker`: a job worker of the distributed shape, until interrupted. */
export function addWorker(program: Command): void {
  program
    .command('worker')
    .description('Run a job worker (distributed shape: PostgreSQL queues) until Ctrl-C')
    .addHelpText(
      'after',
      '\nRun as many as you need beside `serve`, on the same AB_DATABASE_URL.\n\nExample:\n  $ AB_DATABASE_URL=postgres://app:app@db/app AB_MASTER_KEY=... audience-bridge worker',
    )
    .action((_flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const runWorker = await loadRunWorker();
        const worker = await runWorker(await cli.config());
        cli.print({ running: true }, () => 'worker running');
        cli.note('press Ctrl-C to stop');

        await untilSignal();
        await worker.close();
      }),
    );
}
