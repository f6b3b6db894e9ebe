import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index.js';

/** A running emulator on a random loopback port with its own exchange directory, and its cleanup. */
export interface TestEmulator {
  readonly emulator: RunningEmulator;
  readonly dir: string;
  stop(): Promise<void>;
}

/** Starts an emulator for one test file; `stop` closes it and removes its exchange directory. */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dir = await mkdtemp(join(tmpdir(), 'pc-emulator-'));
  const emulator = await startEmulator({ exchangeDir: dir, ...options });

  return {
    emulator,
    dir,
    stop: async () => {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Headers of an authenticated AAM REST call for the default client. */
export function restHeaders(token: string, apiKey = 'audience-bridge'): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'x-api-key': apiKey };
}
