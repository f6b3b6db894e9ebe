import type { AppContext, AppContextOptions, Config } from '@audience-bridge/app-api';
import type { Principal, Progress } from '@audience-bridge/domain';
import type { Command } from 'commander';

import { describeFailure, ExitCode } from '../output/errors.js';
import { toJsonDocument } from '../output/json.js';
import { createProgress, progressMode } from '../output/progress.js';
import { resolvePrincipal, type Need } from './principal.js';

/** The options every command takes. */
export interface GlobalOptions {
  readonly json: boolean;
  readonly quiet: boolean;
}

/** What a command body works with: output, configuration, the shared app context and its principal. */
export class Cli {
  private opened: AppContext | null = null;

  constructor(readonly options: GlobalOptions) {}

  /** The configuration, validated from the environment and `.env`; the app package loads only when needed, so help stays fast. */
  async config(): Promise<Config> {
    const { loadConfig } = await import('@audience-bridge/app-api');
    return loadConfig();
  }

  /** Opens the composition root once (database, People core or the embedded emulator). */
  async context(options: Omit<AppContextOptions, 'logger'> = {}, given?: Config): Promise<AppContext> {
    const { openAppContext, PinoLogger } = await import('@audience-bridge/app-api');
    const config = given ?? (await this.config());
    this.opened ??= await openAppContext(config, {
      ...options,
      logger: PinoLogger.create(process.env['AB_LOG_LEVEL'] ?? 'warn'),
    });

    return this.opened;
  }

  /** The principal the command runs as; see `resolvePrincipal`. */
  async principal(need: Need): Promise<Principal> {
    return resolvePrincipal(await this.context(), need);
  }

  /** A progress reporter for long work: a bar, lines, or nothing. */
  progress(): Progress {
    return createProgress(progressMode(this.options));
  }

  /** Prints a result: one JSON document with `--json`, else the human text (still printed with `--quiet`). */
  print(value: unknown, human: () => string): void {
    process.stdout.write(this.options.json ? toJsonDocument(value) : `${human()}\n`);
  }

  /** A note for people on stderr; silent with `--json` or `--quiet`. */
  note(line: string): void {
    if (!this.options.json && !this.options.quiet) process.stderr.write(`${line}\n`);
  }

  async close(): Promise<void> {
    await this.opened?.close();
    this.opened = null;
  }
}

/** The global options as commander parsed them for this command. */
export function globalOptions(command: Command): GlobalOptions {
  const options = command.optsWithGlobals<{ json?: boolean; quiet?: boolean }>();

  return { json: options.json === true, quiet: options.quiet === true };
}

/**
 * Runs a command body: prints a failure as one line on stderr (or one JSON document with `--json`),
 * sets the exit code, and always closes what the body opened.
 */
export async function runCommand(command: Command, body: (cli: Cli) => Promise<unknown>): Promise<void> {
  const cli = new Cli(globalOptions(command));
  try {
    const code = await body(cli);
    process.exitCode = typeof code === 'number' ? code : ExitCode.ok;
  } catch (error) {
    const failure = describeFailure(error);
    if (cli.options.json) process.stdout.write(toJsonDocument({ error: failure }));
    process.stderr.write(`audience-bridge: ${failure.message}\n`);
    process.exitCode = failure.exitCode;
  } finally {
    await cli.close();
  }
}
