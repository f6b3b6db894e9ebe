import type { OrgId } from '../auth/Principal.js';
import type { SavedWorkflow, WorkflowRepository } from '../ports/WorkflowRepository.js';
import { DomainError } from '../shared/DomainError.js';
import type { Page, PageRequest } from '../shared/Page.js';
import type { WorkflowDocument } from '../workflows/WorkflowDocument.js';
import { OrgScoped } from './OrgScoped.js';
import { byCodeUnit, pageOf, promised } from './paging.js';

/** The reference workflow store: version 1 on create, one more on every update. */
export class InMemoryWorkflowRepository implements WorkflowRepository {
  private readonly workflows = new OrgScoped<SavedWorkflow>();

  create(
    org: OrgId,
    workflow: Omit<SavedWorkflow, 'version' | 'updatedBy' | 'updatedAt'>,
  ): Promise<SavedWorkflow> {
    return promised(() => {
      const stored = this.workflows.of(org);
      if (stored.has(workflow.id))
        throw new DomainError('CONFLICT', `workflow ${workflow.id} already exists`);

      const saved: SavedWorkflow = {
        ...workflow,
        version: 1,
        updatedBy: workflow.createdBy,
        updatedAt: workflow.createdAt,
      };
      stored.set(workflow.id, saved);

      return saved;
    });
  }

  get(org: OrgId, id: string): Promise<SavedWorkflow | null> {
    return Promise.resolve(this.workflows.get(org, id) ?? null);
  }

  list(org: OrgId, page: PageRequest): Promise<Page<SavedWorkflow>> {
    const all = [...this.workflows.of(org).values()].sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byCodeUnit(a.id, b.id),
    );

    return Promise.resolve(pageOf(all, page));
  }

  update(
    org: OrgId,
    id: string,
    document: WorkflowDocument,
    by: string,
    at: Date,
  ): Promise<SavedWorkflow | null> {
    const current = this.workflows.get(org, id);
    if (current === undefined) return Promise.resolve(null);

    const next: SavedWorkflow = {
      ...current,
      name: document.name,
      document,
      version: current.version + 1,
      updatedBy: by,
      updatedAt: at,
    };
    this.workflows.of(org).set(id, next);

    return Promise.resolve(next);
  }

  delete(org: OrgId, id: string): Promise<boolean> {
    return Promise.resolve(this.workflows.of(org).delete(id));
  }
}
