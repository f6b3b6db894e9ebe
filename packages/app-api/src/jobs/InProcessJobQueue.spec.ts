import { silentLogger, type Principal } from '@audience-bridge/domain';
import { describe, expect, it } from 'vitest';

import { InProcessJobQueue } from './InProcessJobQueue.js';
import type { Job } from './JobQueue.js';

const principal: Principal = { orgId: 'ORG', subject: 'tester', authMethod: 'ims' };
const sync = (audienceId: string, runId: string): Job => ({ kind: 'sync', principal, audienceId, runId });

/** A handler whose jobs finish only when the test releases them. */
function gatedHandler() {
  const running: string[] = [];
  const finished: string[] = [];
  const gates = new Map<string, () => void>();
  const handler = (job: Job): Promise<void> =>
    new Promise((resolve) => {
      const id = job.runId ?? '';
      running.push(id);
      gates.set(id, () => {
        finished.push(id);
        resolve();
      });
    });

  return { handler, running, finished, release: (id: string) => gates.get(id)?.() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('InProcessJobQueue', () => {
  it('runs at most `concurrency` jobs and one sync per audience at a time', async () => {
    const queue = new InProcessJobQueue({ logger: silentLogger, concurrency: 2 });
    const gated = gatedHandler();
    await queue.work(gated.handler, () => Promise.resolve());

    for (const job of [sync('a', 'r1'), sync('a', 'r2'), sync('b', 'r3'), sync('c', 'r4')])
      await queue.enqueue(job);
    await tick();

    expect(gated.running).toEqual(['r1', 'r3']);
    gated.release('r1');
    await tick();
    expect(gated.running).toEqual(['r1', 'r3', 'r2']);
  });

  it('stop waits for running jobs and hands waiting ones to onDropped', async () => {
    const dropped: string[] = [];
    const queue = new InProcessJobQueue({
      logger: silentLogger,
      concurrency: 1,
      onDropped: (job) => Promise.resolve(void dropped.push(job.runId ?? '')),
    });
    const gated = gatedHandler();
    await queue.work(gated.handler, () => Promise.resolve());
    await queue.enqueue(sync('a', 'r1'));
    await queue.enqueue(sync('b', 'r2'));
    await tick();

    let stopped = false;
    const stopping = queue.stop().then(() => {
      stopped = true;
    });
    await tick();
    expect(stopped).toBe(false);
    gated.release('r1');
    await stopping;

    expect(gated.finished).toEqual(['r1']);
    expect(dropped).toEqual(['r2']);
    await expect(queue.enqueue(sync('c', 'r3'))).rejects.toThrow('stopped');
  });

  it('queues a scheduled re-sync once per audience per interval', async () => {
    let now = 0;
    const queue = new InProcessJobQueue({ logger: silentLogger, now: () => now });

    const first = await queue.enqueueScheduledSync('ORG', 'a', 1000);
    const waiting = await queue.enqueueScheduledSync('ORG', 'a', 1000);
    const other = await queue.enqueueScheduledSync('ORG', 'b', 1000);
    now = 500;
    const early = await queue.enqueueScheduledSync('ORG', 'a', 1000);

    expect([first, waiting, other, early]).toEqual([true, false, true, false]);
  });

  it('resolves idle once every job has run', async () => {
    const queue = new InProcessJobQueue({ logger: silentLogger });
    const ran: string[] = [];
    await queue.work(
      (job) => Promise.resolve(void ran.push(job.runId ?? '')),
      () => Promise.resolve(),
    );

    await queue.enqueue(sync('a', 'r1'));
    await queue.enqueue(sync('a', 'r2'));
    await queue.idle();

    expect(ran).toEqual(['r1', 'r2']);
  });
});
