import { Worker } from 'node:worker_threads';

import { defaultImsClient, type RunningEmulator } from '@audience-bridge/peoplecore-emulator';
import { pino } from 'pino';

import type { Config } from '../config/Config.js';
import type { PinoLogger } from '../logging/PinoLogger.js';
import type { Metrics } from '../metrics/Metrics.js';
import { RetryableJobError, type Job } from './JobQueue.js';
import type { FromJobThread, JobThreadData, ToJobThread } from './jobThreadMessages.js';

/** What a job thread needs from the process that starts it. */
export interface JobThreadOptions {
  readonly config: Config;
  /** The embedded emulator of this process, which the thread reaches over loopback like any People core service. */
  readonly emulator: RunningEmulator | null;
  readonly logger: PinoLogger;
  readonly metrics: Pick<Metrics, 'recordRun'>;
}

/** How long a closing thread may take to finish its jobs and close its connection before it is ended. */
const CLOSE_TIMEOUT_MS = 60_000;

interface Pending {
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Runs the embedded shape's jobs on a worker thread with a database connection of its own, so that
 * the statements of an import sync or an export (synchronous on SQLite) never hold up the HTTP
 * requests on the main thread. The thread starts on the first job and again after a crash; its log
 * lines and run metrics come back to this thread's logger and registry.
 */
export class JobThread {
  /** The thread that answered `ready`; `null` before, and after it exited. */
  private worker: Worker | null = null;
  private ready: Promise<Worker> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly options: JobThreadOptions) {}

  /** Runs one job on the thread; rejects as the job runner would, with `RetryableJobError` when a retry may succeed. */
  readonly run = async (job: Job): Promise<void> => {
    const worker = await this.started();
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.post(worker, { type: 'run', id, job });

    return done;
  };

  /** Lets the thread finish the jobs it holds and close its connection, then ends it; the queue stops first. */
  async close(): Promise<void> {
    const ready = this.ready;
    this.ready = null;
    if (ready === null) return;
    const worker = await ready.catch(() => null);
    if (worker === null) return;
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', () => {
        resolve();
      }),
    );
    this.post(worker, { type: 'close' });
    const stuck = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
    await exited;
    clearTimeout(stuck);
  }

  private started(): Promise<Worker> {
    this.ready ??= this.spawn().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });

    return this.ready;
  }

  private spawn(): Promise<Worker> {
    const worker = new Worker(threadEntry.script, {
      eval: threadEntry.eval,
      workerData: this.threadData(),
      execArgv: threadEntry.execArgv,
    });

    return new Promise<Worker>((resolve, reject) => {
      worker.on('message', (message: FromJobThread) => {
        if (message.type === 'ready') {
          this.worker = worker;
          resolve(worker);
        } else this.receive(message);
      });
      worker.on('error', (error) => {
        this.options.logger.error({ reason: error.message }, 'job thread failed');
        reject(error);
      });
      worker.once('exit', (code) => {
        reject(new Error(`the job thread exited with code ${code} before it was ready`));
        if (this.worker === worker) {
          this.worker = null;
          this.ready = null;
        }
        this.failPending(`the job thread stopped (exit code ${code}) while the job ran`);
      });
    });
  }

  private receive(message: Exclude<FromJobThread, { type: 'ready' }>): void {
    switch (message.type) {
      case 'log':
        writeLine(this.options.logger, message.line);
        return;
      case 'metric':
        this.options.metrics.recordRun(message.kind, message.outcome, message.durationMs, message.ids);
        return;
      case 'done':
      case 'failed': {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.type === 'done') pending?.resolve();
        else
          pending?.reject(
            message.retryable
              ? new RetryableJobError(message.message, message.runId)
              : new Error(message.message),
          );
      }
    }
  }

  private failPending(reason: string): void {
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const pending of failed) pending.reject(new RetryableJobError(reason, null));
  }

  private post(worker: Worker, message: ToJobThread): void {
    worker.postMessage(message);
  }

  /**
   * The thread's configuration: the same database and exchange, and, on the embedded shape, the
   * emulator of this process named as the People core service with its own client and organisation.
   */
  private threadData(): JobThreadData {
    const { config, emulator, logger } = this.options;
    const remote =
      emulator === null
        ? {}
        : {
            AB_PEOPLECORE_URL: emulator.url,
            AB_IMS_CLIENT_ID: config.AB_IMS_CLIENT_ID ?? defaultImsClient.clientId,
            AB_IMS_CLIENT_SECRET: config.AB_IMS_CLIENT_SECRET ?? defaultImsClient.clientSecret,
            AB_ORG_ID: config.AB_ORG_ID ?? emulator.population.orgId,
          };

    return { config: { ...config, ...remote }, logLevel: logger.raw.level };
  }
}

/**
 * The thread's script: the built JavaScript, or, when this module runs from its TypeScript source
 * (the tests), a loader that registers tsx in the thread before importing the source.
 */
const threadEntry = ((): { script: URL | string; eval: boolean; execArgv: string[] } => {
  if (!import.meta.url.endsWith('.ts'))
    return { script: new URL('./jobThreadMain.js', import.meta.url), eval: false, execArgv: [] };
  const source = new URL('./jobThreadMain.ts', import.meta.url).href;
  const tsconfig = new URL('../../../../tsconfig.base.json', import.meta.url).pathname;
  const loader = `import('tsx/esm/api').then(({ register }) => { register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(source)}); });`;

  return { script: loader, eval: true, execArgv: ['--conditions=@audience-bridge/source'] };
})();

/** Writes a log line the thread's pino produced to this thread's log destination, as it is. */
function writeLine(logger: PinoLogger, line: string): void {
  const stream = (logger.raw as unknown as Record<symbol, { write(line: string): unknown } | undefined>)[
    pino.symbols.streamSym
  ];
  stream?.write(line);
}
