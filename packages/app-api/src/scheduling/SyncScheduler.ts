import type { AudienceRepository, Logger } from '@audience-bridge/domain';

import type { JobQueue } from '../jobs/JobQueue.js';

export interface SyncSchedulerOptions {
  readonly audiences: Pick<AudienceRepository, 'listImported'>;
  readonly queue: JobQueue;
  readonly logger: Logger;
  /** How often every imported audience is re-synced (AB_SYNC_INTERVAL). */
  readonly intervalMs: number;
  /**
   * How often this process asks; default the interval. Asking more often is safe because the queue
   * keeps one scheduled sync per audience per interval, and it lets any live process cover a slot.
   */
  readonly tickMs?: number;
}

/** Re-syncs every imported audience once per interval, whatever the number of processes running it. */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SyncSchedulerOptions) {}

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      this.current = this.tick();
    }, this.options.tickMs ?? this.options.intervalMs);
    this.timer.unref();
  }

  /** Queues the re-syncs that are due; returns how many were queued by this call. */
  async tick(): Promise<number> {
    const { audiences, queue, logger, intervalMs } = this.options;
    try {
      let queued = 0;
      for (const { org, audienceId } of await audiences.listImported()) {
        if (await queue.enqueueScheduledSync(org, audienceId, intervalMs)) queued += 1;
      }
      if (queued > 0) logger.info({ queued }, 'scheduled re-syncs queued');

      return queued;
    } catch (error) {
      logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'scheduling failed');

      return 0;
    }
  }

  /** Stops the timer and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }
}
