import type { EmulatorOptions } from '../options/EmulatorOptions.js';
import { startEmulator, type RunningEmulator } from './startEmulator.js';

/**
 * Starts the emulator for `audience-bridge emulator`: like `startEmulator`, and closes it cleanly
 * on SIGINT or SIGTERM. The caller prints `url`; the open server keeps the process alive.
 */
export async function runEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const emulator = await startEmulator(options);
  const close = async (): Promise<void> => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await emulator.close();
  };
  function onSignal(): void {
    close().catch((error: unknown) => {
      process.exitCode = 1;
      console.error(error);
    });
  }
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  return { ...emulator, close };
}
