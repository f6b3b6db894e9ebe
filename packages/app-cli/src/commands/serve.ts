import type { Config } from '@audience-bridge/app-api';
import type { Command } from 'commander';

import { CliError } from '../output/errors.js';
import { runCommand } from '../runtime/Cli.js';

type Serve = (config: Config) => Promise<{ url: string; close(): Promise<void> }>;

/** Loads the API's `serve` from the app-api package. */
export async function loadServe(): Promise<Serve> {
  const api: Record<string, unknown> = await import('@audience-bridge/app-api');
  const serve = api['serve'];
  if (typeof serve !== 'function')
    throw new CliError(
      'this build of @audience-bridge/app-api has no HTTP server: rebuild with `npm install`',
      1,
      'CLI.UNAVAILABLE',
    );

  return serve as Serve;
}

/** Resolves on SIGINT or SIGTERM. */
export const untilSignal = (): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

/** `serve`: the HTTP API and the scheduler, until interrupted. */
export function addServe(program: Command): void {
  program
    .command('serve')
    .description('Run the HTTP API (/v1, OpenAPI at /openapi.json) and the sync scheduler until Ctrl-C')
    .addHelpText(
      'after',
      `
Listens on AB_HOST:AB_PORT (default 127.0.0.1:3000); re-imports audiences every AB_SYNC_INTERVAL.

Examples:
  $ audience-bridge serve
  $ AB_PORT=8080 AB_DATABASE_URL=postgres://app:app@db/app AB_MASTER_KEY=... audience-bridge serve`,
    )
    .action((_flags: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const serve = await loadServe();
        const server = await serve(await cli.config());
        cli.print(
          { url: server.url },
          () => `Audience Bridge API on ${server.url} (docs at ${server.url}/docs)`,
        );
        cli.note('press Ctrl-C to stop');

        await untilSignal();
        await server.close();
      }),
    );
}
