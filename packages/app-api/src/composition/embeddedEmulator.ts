import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '@audience-bridge/peoplecore-emulator';

import type { Config } from '../config/Config.js';

/** Options for the emulator the embedded shape starts in-process; tests and the demo override the population. */
export type EmbeddedEmulatorOptions = Omit<Parameters<typeof startEmulator>[0], 'exchangeDir' | 'signingKey'>;

const optionsFile = (config: Config): string => join(config.AB_DATA_DIR, 'emulator.json');

/**
 * Keeps the options the embedded emulator was started with (its seed and population), so that later
 * commands on the same data folder see the same People core population, e.g. after `audience-bridge demo`.
 */
export function saveEmulatorOptions(config: Config, options: EmbeddedEmulatorOptions): void {
  mkdirSync(config.AB_DATA_DIR, { recursive: true });
  writeFileSync(optionsFile(config), JSON.stringify(options, null, 2), { mode: 0o600 });
}

function savedEmulatorOptions(config: Config): EmbeddedEmulatorOptions {
  const path = optionsFile(config);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as EmbeddedEmulatorOptions) : {};
}

/**
 * Starts the local People core emulator on a free loopback port, sharing the configured exchange folder.
 * Its signing key is kept in the data folder so that tokens cached by `audience-bridge login` stay valid
 * across runs, and its journal sits in the exchange folder so that segments it created, membership changes and
 * ingested uploads survive too. Without explicit options it uses those saved by `saveEmulatorOptions` for the data folder.
 */
export async function startEmbeddedEmulator(
  config: Config,
  given?: EmbeddedEmulatorOptions,
): Promise<RunningEmulator> {
  const options = given ?? savedEmulatorOptions(config);
  const keyPath = join(config.AB_DATA_DIR, 'emulator-signing-key.json');
  const signingKey = existsSync(keyPath)
    ? (JSON.parse(readFileSync(keyPath, 'utf8')) as Record<string, unknown>)
    : undefined;
  mkdirSync(config.AB_EXCHANGE, { recursive: true });

  const emulator = await startEmulator({
    port: 0,
    ...options,
    exchangeDir: config.AB_EXCHANGE,
    journalFile: join(config.AB_EXCHANGE, '.emulator-journal.ndjson'),
    ...(signingKey ? { signingKey } : {}),
  });

  if (signingKey === undefined) {
    mkdirSync(config.AB_DATA_DIR, { recursive: true });
    writeFileSync(keyPath, JSON.stringify(emulator.signingKey), { mode: 0o600 });
    chmodSync(keyPath, 0o600);
  }
  return emulator;
}
