import type { Logger, OrgId } from '@audience-bridge/domain';
import PgBoss from 'pg-boss';

import {
  schedulerPrincipal,
  type DeadLetterHandler,
  type Job,
  type JobHandler,
  type JobQueue,
} from './JobQueue.js';

/** Queue names: one per kind of job, each with its dead-letter queue. */
export const queueNames = {
  sync: 'sync',
  export: 'export',
  syncDead: 'sync-dead',
  exportDead: 'export-dead',
} as const;

export interface PgBossJobQueueOptions {
  /** The PostgreSQL URL; pg-boss keeps its tables in the `pgboss` schema of that database. */
  readonly url: string;
  readonly logger: Logger;
  /** Attempts after the first; default 3. */
  readonly retryLimit?: number;
  /** Seconds before the first retry, doubled (with jitter) at each further one; default 30. */
  readonly retryDelaySeconds?: number;
  /** How often an idle worker polls for jobs; default 2 s. */
  readonly pollingIntervalSeconds?: number;
  /** Seconds a job may stay active before it is failed as expired (a lost worker); default 4 h. */
  readonly expireInSeconds?: number;
}

interface DeadJob {
  readonly data: Job;
  readonly output?: unknown;
}

/**
 * The distributed shape's queue: pg-boss queues `sync` and `export` on the service's PostgreSQL,
 * worked by any number of processes. `sync` has the singleton policy keyed by audience, so one
 * audience never syncs twice at once; failed jobs are retried with exponential backoff, then moved
 * to a dead-letter queue whose handler records the reason on the run.
 */
export class PgBossJobQueue implements JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly options: PgBossJobQueueOptions,
  ) {}

  /** Connects, installs or migrates pg-boss's schema, and creates the queues when missing. */
  static async open(options: PgBossJobQueueOptions): Promise<PgBossJobQueue> {
    const boss = new PgBoss({ connectionString: options.url, schedule: false, max: 4 });
    boss.on('error', (error: Error) => {
      options.logger.error({ reason: error.message }, 'job queue error');
    });
    await boss.start();
    const queue = new PgBossJobQueue(boss, options);
    await queue.createQueues();

    return queue;
  }

  async enqueue(job: Job): Promise<void> {
    const id = await this.boss.send(
      this.queueOf(job),
      job,
      job.kind === 'sync' ? { singletonKey: syncKey(job.principal.orgId, job.audienceId) } : {},
    );
    if (id === null) throw new Error(`the ${job.kind} job was not queued`);
  }

  async enqueueScheduledSync(org: OrgId, audienceId: string, intervalMs: number): Promise<boolean> {
    const job: Job = { kind: 'sync', principal: schedulerPrincipal(org), audienceId };
    const singletonSeconds = Math.max(1, Math.round(intervalMs / 1000));
    const id = await this.boss.send(queueNames.sync, job, {
      singletonKey: syncKey(org, audienceId),
      singletonSeconds,
    });

    return id !== null;
  }

  async work(handler: JobHandler, deadLetter: DeadLetterHandler): Promise<void> {
    const polling = { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize: 1 };
    const one = async (jobs: PgBoss.Job<Job>[]): Promise<void> => {
      for (const job of jobs) await handler(job.data);
    };
    const dead = async (jobs: PgBoss.JobWithMetadata<Job>[]): Promise<void> => {
      for (const job of jobs as DeadJob[])
        await deadLetter(job.data, reasonOf(job.output), runIdOf(job.output));
    };
    await this.boss.work<Job>(queueNames.sync, polling, one);
    await this.boss.work<Job>(queueNames.export, polling, one);
    await this.boss.work<Job>(queueNames.syncDead, { ...polling, includeMetadata: true }, dead);
    await this.boss.work<Job>(queueNames.exportDead, { ...polling, includeMetadata: true }, dead);
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 60_000 });
  }

  private queueOf(job: Job): string {
    return job.kind === 'sync' ? queueNames.sync : queueNames.export;
  }

  private async createQueues(): Promise<void> {
    const retries = {
      retryLimit: this.options.retryLimit ?? 3,
      retryDelay: this.options.retryDelaySeconds ?? 30,
      retryBackoff: true,
      expireInSeconds: this.options.expireInSeconds ?? 4 * 3600,
    };
    await this.createQueue(queueNames.syncDead, {});
    await this.createQueue(queueNames.exportDead, {});
    await this.createQueue(queueNames.sync, {
      ...retries,
      policy: 'singleton',
      deadLetter: queueNames.syncDead,
    });
    await this.createQueue(queueNames.export, {
      ...retries,
      policy: 'standard',
      deadLetter: queueNames.exportDead,
    });
  }

  /**
   * Creates a queue, or applies the configured retry settings to an existing one. Workers starting
   * at the same moment race on the creation: the loser either finds the queue made by the winner, or
   * is chosen as PostgreSQL's deadlock victim (both lock pg-boss's queue table while creating the
   * queue's partition), and then tries again after a short random pause.
   */
  private async createQueue(name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.boss.createQueue(name, { name, ...options });
        break;
      } catch (error) {
        if ((await this.boss.getQueue(name)) !== null) break;
        if (!isConcurrencyConflict(error) || attempt >= CREATE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
      }
    }
    await this.boss.updateQueue(name, { name, ...options });
  }
}

/** How many times a worker tries to create a queue that concurrent workers are creating too. */
const CREATE_ATTEMPTS = 5;

/** PostgreSQL's deadlock and serialization failures: the transaction lost a race and may be retried. */
const isConcurrencyConflict = (error: unknown): boolean => {
  const code = field(error, 'code');

  return code === '40P01' || code === '40001' || code === '23505';
};

const syncKey = (org: OrgId, audienceId: string): string => `${org}/${audienceId}`;

const field = (output: unknown, name: string): unknown =>
  typeof output === 'object' && output !== null ? (output as Record<string, unknown>)[name] : undefined;

function reasonOf(output: unknown): string {
  const message = field(output, 'message') ?? field(field(output, 'value'), 'message');

  return typeof message === 'string' ? message : 'the job failed on every attempt';
}

function runIdOf(output: unknown): string | null {
  const runId = field(output, 'runId');

  return typeof runId === 'string' ? runId : null;
}
