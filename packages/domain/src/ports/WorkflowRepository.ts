import type { OrgId } from '../auth/Principal.js';
import type { Page, PageRequest } from '../shared/Page.js';
import type { WorkflowDocument } from '../workflows/WorkflowDocument.js';

/** A workflow saved by an organisation; `version` bumps on every change. */
export interface SavedWorkflow {
  readonly id: string;
  readonly name: string;
  readonly document: WorkflowDocument;
  readonly version: number;
  readonly createdBy: string;
  readonly updatedBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Saved workflows per organisation. */
export interface WorkflowRepository {
  create(
    org: OrgId,
    workflow: Omit<SavedWorkflow, 'version' | 'updatedBy' | 'updatedAt'>,
  ): Promise<SavedWorkflow>;

  get(org: OrgId, id: string): Promise<SavedWorkflow | null>;

  list(org: OrgId, page: PageRequest): Promise<Page<SavedWorkflow>>;

  /** Replaces the document and bumps the version; `null` when the workflow does not exist. */
  update(
    org: OrgId,
    id: string,
    document: WorkflowDocument,
    by: string,
    at: Date,
  ): Promise<SavedWorkflow | null>;

  delete(org: OrgId, id: string): Promise<boolean>;
}
