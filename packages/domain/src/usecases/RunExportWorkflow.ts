import { authorize } from '../auth/authorize.js';
import type { OrgId, Principal } from '../auth/Principal.js';
import type { RunRepository } from '../ports/RunRepository.js';
import type { IdGenerator } from '../ports/Runtime.js';
import type { TargetingStore } from '../ports/TargetingStore.js';
import type { WorkflowRepository } from '../ports/WorkflowRepository.js';
import type { Run } from '../runs/Run.js';
import { DomainError } from '../shared/DomainError.js';
import { err, ok, type Result } from '../shared/Result.js';
import { catalogFor } from '../sharedaudiences/catalogFor.js';
import { validateWorkflow, type WorkflowPlan } from '../workflows/validateWorkflow.js';
import { runActivity, type ActivityPorts, type ActivityRun } from './runActivities.js';
import { RunLifecycle } from './RunLifecycle.js';

/** The ports a workflow run uses. */
export interface RunExportWorkflowPorts extends ActivityPorts {
  readonly workflows: WorkflowRepository;
  readonly targeting: TargetingStore;
  readonly runs: RunRepository;
  readonly ids: IdGenerator;
  /** Profiles read per batch when exporting; bounds memory whatever the population's size. */
  readonly batchSize?: number;
  /** The organisation the People core account belongs to; other organisations cannot export to it. */
  readonly peopleCoreOrg?: OrgId | undefined;
}

/** A saved workflow by id, or a document run without saving it (its run's subject is `inline:<name>`). */
export type RunExportWorkflowInput =
  | { readonly workflowId: string; readonly runId?: string }
  | { readonly document: unknown; readonly runId?: string };

export const DEFAULT_EXPORT_BATCH_SIZE = 10_000;

/**
 * Starts a workflow (design §1 export): its activities run in dependency order over populations
 * kept in the targeting store, and shared saves append to People core. Every targeted profile is
 * exported, ignored or already present, and the report says how many of each.
 */
export class RunExportWorkflow {
  private readonly lifecycle: RunLifecycle;

  constructor(private readonly ports: RunExportWorkflowPorts) {
    this.lifecycle = new RunLifecycle(ports);
  }

  async execute(principal: Principal, input: RunExportWorkflowInput): Promise<Result<Run>> {
    const planned = await this.plan(principal, input);
    if (!planned.ok) return planned;
    const { plan, subjectId } = planned.value;

    const exports = plan.activities.some(
      (activity) => activity.type === 'saveAudience' && activity.share !== undefined,
    );
    const allowed = authorize(principal, exports ? 'export' : 'write');
    if (!allowed.ok) return allowed;

    const started = await this.lifecycle.start(principal, { kind: 'export', subjectId, runId: input.runId });
    if (!started.ok) return started;
    const run = started.value;

    return this.lifecycle.conduct(principal.orgId, run, async (recorder) => {
      const populations = await this.ports.targeting.open(principal.orgId, run.id);
      const state: ActivityRun = {
        principal,
        populations,
        recorder,
        batchSize: this.ports.batchSize ?? DEFAULT_EXPORT_BATCH_SIZE,
        activities: {},
        counts: { input: 0, exported: 0, ignored: 0, alreadyPresent: 0, unreconciled: 0 },
        receipts: [],
      };
      try {
        const ports = {
          ...this.ports,
          catalog: catalogFor(principal, this.ports.catalog, this.ports.peopleCoreOrg),
        };
        for (const activity of plan.activities) await runActivity(ports, state, activity);
      } finally {
        await populations.close();
      }

      return { counts: state.counts, activities: state.activities, receipts: state.receipts };
    });
  }

  private async plan(
    principal: Principal,
    input: RunExportWorkflowInput,
  ): Promise<Result<{ plan: WorkflowPlan; subjectId: string }>> {
    const document =
      'workflowId' in input ? await this.savedDocument(principal, input.workflowId) : ok(input.document);
    if (!document.ok) return document;

    const plan = validateWorkflow(document.value);
    if (!plan.ok) {
      return err(
        new DomainError('WORKFLOW.INVALID', `The workflow is not valid: ${plan.error.join('; ')}`, {
          issues: plan.error,
        }),
      );
    }

    return ok({
      plan: plan.value,
      subjectId: 'workflowId' in input ? input.workflowId : `inline:${plan.value.document.name}`,
    });
  }

  private async savedDocument(principal: Principal, workflowId: string): Promise<Result<unknown>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    const saved = await this.ports.workflows.get(principal.orgId, workflowId);

    return saved === null ? err(DomainError.notFound('workflow', workflowId)) : ok(saved.document);
  }
}
