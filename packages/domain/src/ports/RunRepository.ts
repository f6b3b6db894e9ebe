import type { OrgId } from '../auth/Principal.js';
import type { RecordCategory, Run, RunKind, RunRecord, RunReport } from '../runs/Run.js';
import type { Page, PageRequest } from '../shared/Page.js';

/** Runs, their reports, and the records each run did not import or export. */
export interface RunRepository {
  create(org: OrgId, run: Pick<Run, 'id' | 'kind' | 'subjectId' | 'startedBy' | 'startedAt'>): Promise<Run>;

  get(org: OrgId, id: string): Promise<Run | null>;

  list(
    org: OrgId,
    page: PageRequest,
    filter?: { readonly kind?: RunKind; readonly subjectId?: string },
  ): Promise<Page<Run>>;

  markRunning(org: OrgId, id: string): Promise<void>;

  finish(
    org: OrgId,
    id: string,
    outcome: { readonly report: RunReport } | { readonly error: string; readonly report: RunReport | null },
    at: Date,
  ): Promise<Run>;

  /** Appends records in one write per call. */
  addRecords(org: OrgId, runId: string, records: readonly RunRecord[]): Promise<void>;

  records(org: OrgId, runId: string, page: PageRequest, category?: RecordCategory): Promise<Page<RunRecord>>;
}
