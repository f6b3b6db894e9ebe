import {
  authorize,
  DomainError,
  err,
  ok,
  validateWorkflow,
  type Principal,
  type Result,
  type Run,
} from '@audience-bridge/domain';

import type { ServicePorts } from '../composition/ServicePorts.js';
import type { UseCases } from '../composition/UseCases.js';
import type { Job, JobQueue } from './JobQueue.js';

/**
 * Starts imports, syncs and exports the way requests must: every check that can fail now is made
 * now, the run is recorded as queued, and the job is handed to the queue; nothing runs in the request.
 */
export class RunStarter {
  constructor(
    private readonly ports: Pick<ServicePorts, 'runs' | 'ids' | 'clock'>,
    private readonly useCases: Pick<UseCases, 'audiences' | 'workflows'>,
    private readonly queue: JobQueue,
  ) {}

  /** Queues a sync of an imported audience of the principal's organisation. */
  async sync(principal: Principal, audienceId: string): Promise<Result<Run>> {
    const allowed = authorize(principal, 'import');
    if (!allowed.ok) return allowed;
    const audience = await this.useCases.audiences.show(principal, audienceId);
    if (!audience.ok) return audience;
    if (audience.value.source === null) {
      return err(
        new DomainError(
          'AUDIENCE.NOT_SHARED',
          `Audience ${audienceId} is not imported from People core: there is nothing to sync`,
          { audienceId },
        ),
      );
    }

    return this.queued(principal, 'import', audienceId, (runId) => ({
      kind: 'sync',
      principal,
      audienceId,
      runId,
    }));
  }

  /** Queues a start of a saved workflow; one with a shared save is an export and needs an IMS principal. */
  async startWorkflow(principal: Principal, workflowId: string): Promise<Result<Run>> {
    const saved = await this.useCases.workflows.show(principal, workflowId);
    if (!saved.ok) return saved;
    const plan = validateWorkflow(saved.value.document);
    const exports =
      plan.ok &&
      plan.value.activities.some(
        (activity) => activity.type === 'saveAudience' && activity.share !== undefined,
      );
    const allowed = authorize(principal, exports ? 'export' : 'write');
    if (!allowed.ok) return allowed;

    return this.queued(principal, 'export', workflowId, (runId) => ({
      kind: 'export',
      principal,
      workflowId,
      runId,
    }));
  }

  private async queued(
    principal: Principal,
    kind: Run['kind'],
    subjectId: string,
    job: (runId: string) => Job,
  ): Promise<Result<Run>> {
    const { runs, ids, clock } = this.ports;
    const run = await runs.create(principal.orgId, {
      id: ids.next('run'),
      kind,
      subjectId,
      startedBy: principal.subject,
      startedAt: clock.now(),
    });
    try {
      await this.queue.enqueue(job(run.id));
    } catch (cause) {
      const line = 'PEOPLECORE.UNAVAILABLE: the job queue did not accept the run; start it again';
      await runs.finish(principal.orgId, run.id, { error: line, report: null }, clock.now());
      return err(
        new DomainError(
          'RUN.FAILED',
          `Run ${run.id} could not be queued; start it again`,
          { runId: run.id },
          { cause },
        ),
      );
    }

    return ok(run);
  }
}
