import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/Principal.js';
import type { Clock, IdGenerator } from '../ports/Runtime.js';
import type { SavedWorkflow, WorkflowRepository } from '../ports/WorkflowRepository.js';
import { DomainError } from '../shared/DomainError.js';
import { defaultPage, type Page, type PageRequest } from '../shared/Page.js';
import { err, ok, type Result } from '../shared/Result.js';
import { validateWorkflow, type WorkflowPlan } from '../workflows/validateWorkflow.js';

/** Saves, validates, lists, changes and deletes workflows; nothing invalid is ever saved. */
export class ManageWorkflows {
  constructor(
    private readonly ports: {
      readonly workflows: WorkflowRepository;
      readonly clock: Clock;
      readonly ids: IdGenerator;
    },
  ) {}

  async create(principal: Principal, document: unknown): Promise<Result<SavedWorkflow>> {
    const plan = this.checked(principal, document);
    if (!plan.ok) return plan;

    return ok(
      await this.ports.workflows.create(principal.orgId, {
        id: this.ports.ids.next('wf'),
        name: plan.value.document.name,
        document: plan.value.document,
        createdBy: principal.subject,
        createdAt: this.ports.clock.now(),
      }),
    );
  }

  /** A dry run of `create`: the plan (activity order and population kinds), or every problem. */
  validate(principal: Principal, document: unknown): Result<WorkflowPlan> {
    return this.checked(principal, document);
  }

  async list(principal: Principal, page: PageRequest = defaultPage): Promise<Result<Page<SavedWorkflow>>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    return ok(await this.ports.workflows.list(principal.orgId, page));
  }

  async show(principal: Principal, id: string): Promise<Result<SavedWorkflow>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    const saved = await this.ports.workflows.get(principal.orgId, id);

    return saved === null ? err(DomainError.notFound('workflow', id)) : ok(saved);
  }

  async update(principal: Principal, id: string, document: unknown): Promise<Result<SavedWorkflow>> {
    const plan = this.checked(principal, document);
    if (!plan.ok) return plan;

    const saved = await this.ports.workflows.update(
      principal.orgId,
      id,
      plan.value.document,
      principal.subject,
      this.ports.clock.now(),
    );

    return saved === null ? err(DomainError.notFound('workflow', id)) : ok(saved);
  }

  async delete(principal: Principal, id: string): Promise<Result<void>> {
    const allowed = authorize(principal, 'write');
    if (!allowed.ok) return allowed;

    return (await this.ports.workflows.delete(principal.orgId, id))
      ? ok(undefined)
      : err(DomainError.notFound('workflow', id));
  }

  private checked(principal: Principal, document: unknown): Result<WorkflowPlan> {
    const allowed = authorize(principal, 'write');
    if (!allowed.ok) return allowed;

    const plan = validateWorkflow(document);

    return plan.ok
      ? plan
      : err(
          new DomainError('WORKFLOW.INVALID', `The workflow is not valid: ${plan.error.join('; ')}`, {
            issues: plan.error,
          }),
        );
  }
}
