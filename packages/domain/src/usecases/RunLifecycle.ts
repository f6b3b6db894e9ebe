import type { OrgId, Principal } from '../auth/Principal.js';
import type { RunRepository } from '../ports/RunRepository.js';
import type { Clock, IdGenerator } from '../ports/Runtime.js';
import type { Run, RunCounts, RunKind, RunReport } from '../runs/Run.js';
import { zeroCounts } from '../runs/Run.js';
import { DomainError } from '../shared/DomainError.js';
import { err, ok, type Result } from '../shared/Result.js';
import { runErrorLine, runFailure } from './runFailure.js';
import { RunRecorder } from './RunRecorder.js';

/** What a run's work reports back; the lifecycle adds durations and reasons. */
export interface RunWork {
  readonly counts: Partial<RunCounts>;
  readonly activities?: Readonly<Record<string, number>>;
  readonly receipts?: readonly string[];
}

/** The ports every run needs. */
export interface RunLifecyclePorts {
  readonly runs: RunRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * Starts, conducts and finishes a run, so every use case that runs a job fails the same way: any
 * error thrown by the work becomes a failed run with a one-line reason, never an exception.
 */
export class RunLifecycle {
  constructor(private readonly ports: RunLifecyclePorts) {}

  /** Takes the queued run named by `runId`, or creates one; either way it is marked running. */
  async start(
    principal: Principal,
    input: { readonly kind: RunKind; readonly subjectId: string; readonly runId?: string | undefined },
  ): Promise<Result<Run>> {
    const { runs, clock, ids } = this.ports;
    const org = principal.orgId;
    const run =
      input.runId === undefined
        ? await runs.create(org, {
            id: ids.next('run'),
            kind: input.kind,
            subjectId: input.subjectId,
            startedBy: principal.subject,
            startedAt: clock.now(),
          })
        : await runs.get(org, input.runId);
    if (run === null || run.kind !== input.kind || run.subjectId !== input.subjectId) {
      return err(DomainError.notFound('run', input.runId ?? ''));
    }
    if (run.status !== 'queued') {
      return err(
        new DomainError('RUN.ALREADY_RUNNING', `Run ${run.id} is ${run.status}: start a new run instead`, {
          runId: run.id,
        }),
      );
    }
    await runs.markRunning(org, run.id);

    return ok(run);
  }

  /** Runs the work and finishes the run with its report, or with the error that stopped it. */
  async conduct(
    org: OrgId,
    run: Run,
    work: (recorder: RunRecorder) => Promise<RunWork>,
  ): Promise<Result<Run>> {
    const recorder = new RunRecorder(this.ports.runs, org, run.id);
    const started = this.ports.clock.now().getTime();
    try {
      const outcome = await work(recorder);
      await recorder.flush();
      const report = this.report(outcome, recorder, started);

      return ok(await this.ports.runs.finish(org, run.id, { report }, this.ports.clock.now()));
    } catch (cause) {
      return this.fail(org, run, recorder, cause);
    }
  }

  private async fail(org: OrgId, run: Run, recorder: RunRecorder, cause: unknown): Promise<Result<Run>> {
    const error = runFailure(cause, run.id);
    try {
      await recorder.flush();
      await this.ports.runs.finish(
        org,
        run.id,
        { error: runErrorLine(error), report: null },
        this.ports.clock.now(),
      );
    } catch {
      // The run store itself failed: the original error is the one worth reporting.
    }

    return err(error);
  }

  private report(outcome: RunWork, recorder: RunRecorder, started: number): RunReport {
    return {
      counts: { ...zeroCounts, ...outcome.counts },
      activities: outcome.activities ?? {},
      topReasons: recorder.topReasons(),
      receipts: outcome.receipts ?? [],
      durationMs: Math.max(0, this.ports.clock.now().getTime() - started),
    };
  }
}
