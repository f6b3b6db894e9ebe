import type { FastifyInstance } from 'fastify';

import type { Config } from './config/Config.js';
import type { EmbeddedEmulatorOptions } from './composition/embeddedEmulator.js';
import { openAppContext, type AppContext } from './composition/openAppContext.js';
import { buildServer } from './http/buildServer.js';
import { startJobs, type Jobs, type StartJobsOptions } from './jobs/startJobs.js';
import type { PinoLogger } from './logging/PinoLogger.js';
import { Metrics } from './metrics/Metrics.js';

export interface ServeOptions {
  /** Default AB_PORT; 0 picks a free port. */
  readonly port?: number;
  /** Default AB_HOST. */
  readonly host?: string;
  /** Settings of the embedded People core emulator. */
  readonly emulator?: EmbeddedEmulatorOptions;
  readonly logger?: PinoLogger;
  /** On PostgreSQL, also take jobs in this process (default true); `false` leaves them to `audience-bridge worker`. */
  readonly work?: boolean;
  /** Close gracefully on SIGTERM and SIGINT; default true. */
  readonly handleSignals?: boolean;
  readonly rateLimitPerMinute?: number | false;
  readonly pgBoss?: StartJobsOptions['pgBoss'];
  /** On the embedded shape, run jobs on a worker thread so that they never hold up requests; default true. */
  readonly jobThread?: boolean;
}

/** A running service. */
export interface RunningService {
  readonly url: string;
  readonly context: AppContext;
  readonly app: FastifyInstance;
  /** Stops taking requests and jobs, lets running jobs finish, then closes the context. */
  close(): Promise<void>;
}

/**
 * Starts the whole service (`audience-bridge serve`): the context, the job queue and its workers, the
 * re-sync scheduler and the HTTP API. On the embedded default this needs no configuration at all.
 */
export async function serve(config: Config, options: ServeOptions = {}): Promise<RunningService> {
  const context = await openAppContext(config, {
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.emulator ? { emulator: options.emulator } : {}),
  });
  const metrics = new Metrics({ processMetrics: true });
  let jobs: Jobs | null = null;
  let app: FastifyInstance | null = null;
  try {
    jobs = await startJobs(context, metrics, {
      work: options.work ?? true,
      thread: options.jobThread ?? true,
      ...(options.pgBoss ? { pgBoss: options.pgBoss } : {}),
    });
    app = await buildServer(context, {
      queue: jobs.queue,
      metrics,
      ...(options.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: options.rateLimitPerMinute }),
    });
    const url = await app.listen({
      port: options.port ?? config.AB_PORT,
      host: options.host ?? config.AB_HOST,
    });
    context.logger.info({ url }, 'audience bridge listening');

    return running(url, context, app, jobs, options.handleSignals ?? true);
  } catch (error) {
    await app?.close();
    await jobs?.stop();
    await context.close();
    throw error;
  }
}

function running(
  url: string,
  context: AppContext,
  app: FastifyInstance,
  jobs: Jobs,
  handleSignals: boolean,
): RunningService {
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
      await app.close();
      await jobs.stop();
      await context.close();
    })();

    return closing;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    context.logger.info({ signal }, 'shutting down');
    close().catch((error: unknown) => {
      context.logger.error(
        { reason: error instanceof Error ? error.message : String(error) },
        'shutdown failed',
      );
      process.exitCode = 1;
    });
  };
  if (handleSignals) process.once('SIGTERM', onSignal).once('SIGINT', onSignal);

  return { url, context, app, close };
}
