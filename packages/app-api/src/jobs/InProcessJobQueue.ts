import type { Logger, OrgId } from '@audience-bridge/domain';

import {
  jobKey,
  schedulerPrincipal,
  type DeadLetterHandler,
  type Job,
  type JobHandler,
  type JobQueue,
} from './JobQueue.js';

export interface InProcessJobQueueOptions {
  /** Jobs run at once; default 2. */
  readonly concurrency?: number;
  readonly logger: Logger;
  /** Told about each job still waiting when the queue stops, so its queued run can be closed. */
  readonly onDropped?: (job: Job) => Promise<void>;
  readonly now?: () => number;
}

/**
 * The embedded shape's queue: jobs wait in memory and run in this process with bounded
 * concurrency, one sync at a time per audience. Nothing survives a restart, so `stop` hands the
 * jobs still waiting to `onDropped`.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly pending: Job[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly busyKeys = new Set<string>();
  private readonly lastScheduled = new Map<string, number>();
  private handler: JobHandler | null = null;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: InProcessJobQueueOptions) {}

  enqueue(job: Job): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('the job queue is stopped'));

    this.pending.push(job);
    this.pump();

    return Promise.resolve();
  }

  async enqueueScheduledSync(org: OrgId, audienceId: string, intervalMs: number): Promise<boolean> {
    const key = `${org}/${audienceId}`;
    const now = (this.options.now ?? Date.now)();
    const last = this.lastScheduled.get(key);
    const waiting = this.pending.some((job) => jobKey(job) === key);
    if (this.stopped || waiting || (last !== undefined && now - last < intervalMs)) return false;

    this.lastScheduled.set(key, now);
    await this.enqueue({ kind: 'sync', principal: schedulerPrincipal(org), audienceId });

    return true;
  }

  work(handler: JobHandler, _deadLetter: DeadLetterHandler): Promise<void> {
    this.handler = handler;
    this.pump();

    return Promise.resolve();
  }

  /** Resolves once no job is waiting or running. */
  idle(): Promise<void> {
    if (this.pending.length === 0 && this.running.size === 0) return Promise.resolve();

    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const dropped = this.pending.splice(0);
    for (const job of dropped) await this.options.onDropped?.(job);
    await Promise.allSettled([...this.running]);
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 2;
    while (this.handler !== null && !this.stopped && this.running.size < limit) {
      const index = this.pending.findIndex((job) => !this.isBusy(job));
      if (index < 0) break;
      const [job] = this.pending.splice(index, 1);
      if (job !== undefined) this.start(this.handler, job);
    }
    if (this.pending.length === 0 && this.running.size === 0) this.notifyIdle();
  }

  private isBusy(job: Job): boolean {
    const key = jobKey(job);

    return key !== null && this.busyKeys.has(key);
  }

  private start(handler: JobHandler, job: Job): void {
    const key = jobKey(job);
    if (key !== null) this.busyKeys.add(key);
    const task = handler(job)
      .catch((error: unknown) => {
        this.options.logger.error({ kind: job.kind, reason: reasonOf(error) }, 'job failed');
      })
      .finally(() => {
        if (key !== null) this.busyKeys.delete(key);
        this.running.delete(task);
        this.pump();
      });
    this.running.add(task);
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
