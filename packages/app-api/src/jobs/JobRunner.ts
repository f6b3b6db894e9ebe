import {
  runErrorLine,
  type DomainError,
  type Logger,
  type Result,
  type Run,
  type RunRepository,
  type Clock,
} from '@audience-bridge/domain';

import type { UseCases } from '../composition/UseCases.js';
import type { Metrics } from '../metrics/Metrics.js';
import { RetryableJobError, type Job } from './JobQueue.js';

/** What running jobs needs from the application. */
export interface JobRunnerDeps {
  readonly useCases: Pick<UseCases, 'syncAudience' | 'runWorkflow'>;
  readonly runs: RunRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Pick<Metrics, 'recordRun'>;
}

/** Codes a later attempt may cure: People core down, or an unexpected failure. */
const retryableCodes = new Set(['PEOPLECORE.UNAVAILABLE', 'RUN.FAILED']);

const subjectOf = (job: Job): string => (job.kind === 'sync' ? job.audienceId : job.workflowId);

/**
 * Runs jobs through the use cases, with a child logger per run and the run metrics. A job's queued
 * run is used when it is still queued; a run left running by an interrupted attempt is closed as
 * failed and a new run takes over; a retry after a failed run starts a new run.
 */
export class JobRunner {
  constructor(private readonly deps: JobRunnerDeps) {}

  /** Runs one job; throws `RetryableJobError` when a retry may succeed. */
  readonly run = async (job: Job): Promise<void> => {
    const runId = await this.takeRun(job);
    const log = this.deps.logger.child({
      kind: job.kind,
      subjectId: subjectOf(job),
      runId: runId ?? job.runId ?? null,
    });
    log.info({}, 'run started');

    const result = await this.execute(job, runId);
    await this.closeUnstarted(job, result);
    this.report(job, result, log);
    if (!result.ok && retryableCodes.has(result.error.code)) {
      throw new RetryableJobError(runErrorLine(result.error), runIdOf(result.error) ?? runId ?? null);
    }
  };

  /** Finishes as failed a job's run that never started or was interrupted, with the reason it was given up. */
  readonly deadLetter = async (job: Job, reason: string, lastRunId: string | null): Promise<void> => {
    const line = `JOB.DEAD_LETTER: given up after its retries: ${reason}`;
    for (const id of new Set([job.runId, lastRunId])) {
      if (id === undefined || id === null) continue;
      const run = await this.deps.runs.get(job.principal.orgId, id);
      if (run !== null && (run.status === 'queued' || run.status === 'running')) {
        await this.deps.runs.finish(
          job.principal.orgId,
          id,
          { error: line, report: null },
          this.deps.clock.now(),
        );
      }
    }
    this.deps.metrics.recordRun(job.kind === 'sync' ? 'import' : 'export', 'dead-letter', 0, 0);
    this.deps.logger.error(
      { kind: job.kind, subjectId: subjectOf(job), runId: lastRunId ?? job.runId ?? null, reason },
      'job dead-lettered',
    );
  };

  /** Closes a queued run a failed attempt never started (the audience was deleted, a check failed). */
  readonly dropQueued = async (job: Job): Promise<void> => {
    if (job.runId === undefined) return;
    const run = await this.deps.runs.get(job.principal.orgId, job.runId);
    if (run?.status !== 'queued') return;

    const line = 'RUN.FAILED: the service stopped before the run started; start it again';
    await this.deps.runs.finish(
      job.principal.orgId,
      run.id,
      { error: line, report: null },
      this.deps.clock.now(),
    );
  };

  private async takeRun(job: Job): Promise<string | undefined> {
    if (job.runId === undefined) return undefined;
    const run = await this.deps.runs.get(job.principal.orgId, job.runId);
    if (run?.status === 'queued') return run.id;
    if (run?.status === 'running') {
      const line = 'RUN.FAILED: interrupted before it finished (the worker stopped); a new run takes over';
      await this.deps.runs.finish(
        job.principal.orgId,
        run.id,
        { error: line, report: null },
        this.deps.clock.now(),
      );
    }

    return undefined;
  }

  private execute(job: Job, runId: string | undefined): Promise<Result<Run>> {
    const withRun = runId === undefined ? {} : { runId };

    return job.kind === 'sync'
      ? this.deps.useCases.syncAudience.execute(job.principal, { audienceId: job.audienceId, ...withRun })
      : this.deps.useCases.runWorkflow.execute(job.principal, { workflowId: job.workflowId, ...withRun });
  }

  private async closeUnstarted(job: Job, result: Result<Run>): Promise<void> {
    if (result.ok || job.runId === undefined) return;
    const run = await this.deps.runs.get(job.principal.orgId, job.runId);
    if (run?.status !== 'queued') return;

    await this.deps.runs.finish(
      job.principal.orgId,
      run.id,
      { error: runErrorLine(result.error), report: null },
      this.deps.clock.now(),
    );
  }

  private report(job: Job, result: Result<Run>, log: Logger): void {
    const kind = job.kind === 'sync' ? 'import' : 'export';
    if (result.ok) {
      const report = result.value.report;
      this.deps.metrics.recordRun(kind, 'succeeded', report?.durationMs ?? 0, report?.counts.input ?? 0);
      log.info(
        { runId: result.value.id, counts: report?.counts ?? null, durationMs: report?.durationMs ?? null },
        'run succeeded',
      );
      return;
    }
    this.deps.metrics.recordRun(kind, 'failed', 0, 0);
    log.warn(
      { runId: runIdOf(result.error) ?? null, code: result.error.code, reason: result.error.message },
      'run failed',
    );
  }
}

const runIdOf = (error: DomainError): string | undefined => {
  const value = error.details['runId'];

  return typeof value === 'string' ? value : undefined;
};
