import { CommanderError } from 'commander';

import { ExitCode } from './output/errors.js';
import { createProgram, overrideExits } from './program.js';

/** Runs the CLI on the given arguments and resolves to the exit code it set (toolchain §7). */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const program = createProgram();
  overrideExits(program);
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = error.exitCode === 1 ? ExitCode.usage : error.exitCode;
  }

  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

await main();
