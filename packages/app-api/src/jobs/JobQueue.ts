import type { OrgId, Principal } from '@audience-bridge/domain';

/** Work that runs outside a request: an import sync or a workflow start (an export). */
export type Job =
  | {
      readonly kind: 'sync';
      readonly principal: Principal;
      readonly audienceId: string;
      readonly runId?: string;
    }
  | {
      readonly kind: 'export';
      readonly principal: Principal;
      readonly workflowId: string;
      readonly runId?: string;
    };

/** Runs one job to its end; throws when the job should be tried again later. */
export type JobHandler = (job: Job) => Promise<void>;

/** Records why a job was given up after its retries. */
export type DeadLetterHandler = (job: Job, reason: string, lastRunId: string | null) => Promise<void>;

/**
 * Where jobs wait for a worker: in-process on the embedded shape, pg-boss queues on PostgreSQL.
 * Syncs of one audience never run at the same time.
 */
export interface JobQueue {
  /** Queues a job whose run, when it names one, is already recorded as queued. */
  enqueue(job: Job): Promise<void>;

  /**
   * Queues a scheduled re-sync unless one was already queued for this audience in the current
   * interval, by this process or any other sharing the queue; `true` when it was queued.
   */
  enqueueScheduledSync(org: OrgId, audienceId: string, intervalMs: number): Promise<boolean>;

  /** Starts taking jobs and handing them to the handler. */
  work(handler: JobHandler, deadLetter: DeadLetterHandler): Promise<void>;

  /** Stops taking jobs and waits until the running ones have finished. */
  stop(): Promise<void>;
}

/** The principal scheduled re-syncs act as: the service itself, for the audience's organisation. */
export const schedulerPrincipal = (orgId: OrgId): Principal => ({
  orgId,
  subject: 'scheduler',
  authMethod: 'ims',
});

/** The key that serialises jobs: one sync at a time per audience; exports run side by side. */
export const jobKey = (job: Job): string | null =>
  job.kind === 'sync' ? `${job.principal.orgId}/${job.audienceId}` : null;

/** An error that a retry may cure; it names the run the failed attempt left behind. */
export class RetryableJobError extends Error {
  override readonly name = 'RetryableJobError';

  constructor(
    message: string,
    readonly runId: string | null,
  ) {
    super(message);
  }
}
