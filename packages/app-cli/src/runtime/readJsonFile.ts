import { readFile } from 'node:fs/promises';

import { CliError } from '../output/errors.js';

/** Reads and parses a JSON file; a missing file or bad JSON is a usage error that names the file. */
export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw CliError.usage(`cannot read ${path}: check the path`);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw CliError.usage(
      `${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}): fix it and retry`,
    );
  }
}
