import { DomainError } from '@audience-bridge/domain';

import type { AppContext } from '../composition/openAppContext.js';
import type { Metrics } from '../metrics/Metrics.js';
import { SyncScheduler } from '../scheduling/SyncScheduler.js';
import { InProcessJobQueue } from './InProcessJobQueue.js';
import type { JobQueue } from './JobQueue.js';
import { JobRunner } from './JobRunner.js';
import { JobThread } from './JobThread.js';
import { PgBossJobQueue } from './PgBossJobQueue.js';

/** The job side of a process: the queue, what runs its jobs, and the re-sync scheduler. */
export interface Jobs {
  readonly queue: JobQueue;
  readonly runner: JobRunner;
  readonly scheduler: SyncScheduler;
  /** Stops the scheduler, then the queue, waiting for running jobs to finish. */
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  /** Take jobs in this process; default true. */
  readonly work?: boolean;
  /**
   * On the embedded shape, run each job on a worker thread with its own database connection instead
   * of this thread, so that a long sync never holds up the HTTP API; default false (`serve` sets it).
   */
  readonly thread?: boolean;
  /** Run the re-sync scheduler in this process; default true. */
  readonly schedule?: boolean;
  /** pg-boss retry and polling settings (tests shorten them). */
  readonly pgBoss?: {
    readonly retryLimit?: number;
    readonly retryDelaySeconds?: number;
    readonly pollingIntervalSeconds?: number;
  };
}

/** Whether the configuration names the distributed shape (PostgreSQL, pg-boss). */
export const isDistributed = (context: Pick<AppContext, 'config'>): boolean =>
  !context.config.AB_DATABASE_URL.startsWith('sqlite:');

/** Opens the queue the configuration names (in-process on SQLite, pg-boss on PostgreSQL), and starts working and scheduling. */
export async function startJobs(
  context: AppContext,
  metrics: Metrics,
  options: StartJobsOptions = {},
): Promise<Jobs> {
  const { ports, logger, config } = context;
  const runner = new JobRunner({
    useCases: context.useCases,
    runs: ports.runs,
    clock: ports.clock,
    logger,
    metrics,
  });
  const distributed = isDistributed(context);
  const queue: JobQueue = distributed
    ? await PgBossJobQueue.open({ url: config.AB_DATABASE_URL, logger, ...options.pgBoss })
    : new InProcessJobQueue({ logger, onDropped: runner.dropQueued });
  const thread =
    !distributed && (options.thread ?? false)
      ? new JobThread({ config, emulator: context.emulator, logger, metrics })
      : null;
  if (options.work ?? true) await queue.work(thread?.run ?? runner.run, runner.deadLetter);

  const intervalMs = config.AB_SYNC_INTERVAL;
  const scheduler = new SyncScheduler({
    audiences: ports.audiences,
    queue,
    logger,
    intervalMs,
    tickMs: distributed ? Math.max(250, Math.floor(intervalMs / 2)) : intervalMs,
  });
  if (options.schedule ?? true) scheduler.start();

  return {
    queue,
    runner,
    scheduler,
    stop: async () => {
      await scheduler.stop();
      await queue.stop();
      await thread?.close();
    },
  };
}

/** Refuses a separate worker on the embedded shape, whose jobs live inside `serve`. */
export function assertDistributed(context: Pick<AppContext, 'config'>): void {
  if (isDistributed(context)) return;

  throw DomainError.invalid(
    'audience-bridge worker needs AB_DATABASE_URL=postgres://…: on the embedded SQLite shape, `audience-bridge serve` runs the jobs itself',
    ['AB_DATABASE_URL'],
  );
}
