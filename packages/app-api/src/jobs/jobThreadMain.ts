// The job thread: opens the app on the configuration it is given and runs the jobs posted to it.
import { parentPort, workerData } from 'node:worker_threads';

import { openAppContext } from '../composition/openAppContext.js';
import { PinoLogger } from '../logging/PinoLogger.js';
import { RetryableJobError } from './JobQueue.js';
import { JobRunner } from './JobRunner.js';
import type { FromJobThread, JobThreadData, ToJobThread } from './jobThreadMessages.js';

if (parentPort === null) throw new Error('jobThreadMain runs on a worker thread only');
const port = parentPort;
const post = (message: FromJobThread): void => {
  port.postMessage(message);
};

const data = workerData as JobThreadData;
const logger = PinoLogger.create(data.logLevel, {
  write: (line: string) => {
    post({ type: 'log', line });
  },
});
const context = await openAppContext(data.config, { logger });
const runner = new JobRunner({
  useCases: context.useCases,
  runs: context.ports.runs,
  clock: context.ports.clock,
  logger,
  metrics: {
    recordRun: (kind, outcome, durationMs, ids) => {
      post({ type: 'metric', kind, outcome, durationMs, ids });
    },
  },
});

async function run(id: number, job: Parameters<JobRunner['run']>[0]): Promise<void> {
  try {
    await runner.run(job);
    post({ type: 'done', id });
  } catch (error) {
    post({
      type: 'failed',
      id,
      message: error instanceof Error ? error.message : String(error),
      retryable: error instanceof RetryableJobError,
      runId: error instanceof RetryableJobError ? error.runId : null,
    });
  }
}

const running = new Set<Promise<void>>();
port.on('message', (message: ToJobThread) => {
  if (message.type === 'run') {
    const task = run(message.id, message.job).finally(() => running.delete(task));
    running.add(task);
    return;
  }
  void Promise.allSettled([...running])
    .then(() => context.close())
    .finally(() => {
      port.close();
    });
});
post({ type: 'ready' });
