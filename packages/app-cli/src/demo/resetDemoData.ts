import { rmSync } from 'node:fs';

import type { Config } from '@audience-bridge/app-api';

import { CliError } from '../output/errors.js';

/**
 * Makes the demo re-runnable by starting over: removes the SQLite database (and its WAL files) and the
 * exchange folder. The master key and the emulator signing key stay, so cached logins stay valid.
 */
export function resetDemoData(config: Config): void {
  if (config.AB_PEOPLECORE_URL !== 'embedded' || !config.AB_DATABASE_URL.startsWith('sqlite:')) {
    throw CliError.usage(
      'the demo runs on the embedded default only: unset AB_PEOPLECORE_URL and use a sqlite: AB_DATABASE_URL',
    );
  }
  if (config.AB_EXCHANGE.startsWith('s3://'))
    throw CliError.usage('the demo needs a local AB_EXCHANGE directory, not S3');

  const database = config.AB_DATABASE_URL.slice('sqlite:'.length);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${database}${suffix}`, { force: true });
  rmSync(config.AB_EXCHANGE, { recursive: true, force: true });
}
