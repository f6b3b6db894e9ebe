import type { Config } from './config/Config.js';
import { openAppContext } from './composition/openAppContext.js';
import { assertDistributed, startJobs, type StartJobsOptions } from './jobs/startJobs.js';
import type { PinoLogger } from './logging/PinoLogger.js';
import { Metrics } from './metrics/Metrics.js';

export interface WorkerOptions {
  readonly logger?: PinoLogger;
  /** Close gracefully on SIGTERM and SIGINT; default true. */
  readonly handleSignals?: boolean;
  readonly pgBoss?: StartJobsOptions['pgBoss'];
}

/**
 * Starts a job worker (`audience-bridge worker`) of the distributed shape: it takes `sync` and `export`
 * jobs from the pg-boss queues and runs the re-sync scheduler, which queues each audience once per
 * interval however many workers run.
 */
export async function runWorker(
  config: Config,
  options: WorkerOptions = {},
): Promise<{ close(): Promise<void> }> {
  const context = await openAppContext(config, options.logger ? { logger: options.logger } : {});
  try {
    assertDistributed(context);
    const jobs = await startJobs(context, new Metrics(), options.pgBoss ? { pgBoss: options.pgBoss } : {});
    context.logger.info({}, 'worker started');
    let closing: Promise<void> | null = null;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
        await jobs.stop();
        await context.close();
      })();
      return closing;
    };
    const onSignal = (): void => {
      close().catch(() => {
        process.exitCode = 1;
      });
    };
    if (options.handleSignals ?? true) process.once('SIGTERM', onSignal).once('SIGINT', onSignal);

    return { close };
  } catch (error) {
    await context.close();
    throw error;
  }
}
