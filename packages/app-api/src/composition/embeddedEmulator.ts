import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '@audience-bridge/peoplecore-emulator';

import type { Config } from '../config/Config.js';

/** Options for the emulator the embedded shape starts in-process; tests and the demo override the population. */
export type EmbeddedEmulatorOptions = Omit<Parameters<typeof startEmulator>[0], 'exchangeDir' | 'signingKey'>;

/**
 * Starts the local People core emulator on a free loopback port, sharing the configured exchange folder.
 * Its signing key is kept in the data folder so that tokens cached by `audience-bridge login` stay valid
 * across runs.
 */
export async function startEmbeddedEmulator(config: Config, options: EmbeddedEmulatorOptions = {}): Promise<RunningEmulator> {
  const keyPath = join(config.AB_DATA_DIR, 'emulator-signing-key.json');
  const signingKey = existsSync(keyPath) ? (JSON.parse(readFileSync(keyPath, 'utf8')) as Record<string, unknown>) : undefined;
  mkdirSync(config.AB_EXCHANGE, { recursive: true });

  const emulator = await startEmulator({ port: 0, ...options, exchangeDir: config.AB_EXCHANGE, ...(signingKey ? { signingKey } : {}) });

  if (signingKey === undefined) {
    mkdirSync(config.AB_DATA_DIR, { recursive: true });
    writeFileSync(keyPath, JSON.stringify(emulator.signingKey), { mode: 0o600 });
    chmodSync(keyPath, 0o600);
  }
  return emulator;
}
