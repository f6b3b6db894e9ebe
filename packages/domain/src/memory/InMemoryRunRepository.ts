import type { OrgId } from '../auth/Principal.js';
import type { RunRepository } from '../ports/RunRepository.js';
import type { RecordCategory, Run, RunKind, RunRecord, RunReport } from '../runs/Run.js';
import { DomainError } from '../shared/DomainError.js';
import type { Page, PageRequest } from '../shared/Page.js';
import { OrgScoped } from './OrgScoped.js';
import { byCodeUnit, pageOf, promised } from './paging.js';

interface StoredRun {
  run: Run;
  records: RunRecord[];
}

type Outcome = { readonly report: RunReport } | { readonly error: string; readonly report: RunReport | null };

/** The reference run store: runs newest first, records in the order they were added. */
export class InMemoryRunRepository implements RunRepository {
  private readonly runs = new OrgScoped<StoredRun>();

  create(
    org: OrgId,
    draft: Pick<Run, 'id' | 'kind' | 'subjectId' | 'startedBy' | 'startedAt'>,
  ): Promise<Run> {
    return promised(() => {
      const stored = this.runs.of(org);
      if (stored.has(draft.id)) throw new DomainError('CONFLICT', `run ${draft.id} already exists`);

      const run: Run = { ...draft, status: 'queued', finishedAt: null, report: null, error: null };
      stored.set(draft.id, { run, records: [] });

      return run;
    });
  }

  get(org: OrgId, id: string): Promise<Run | null> {
    return Promise.resolve(this.runs.get(org, id)?.run ?? null);
  }

  list(
    org: OrgId,
    page: PageRequest,
    filter?: { readonly kind?: RunKind; readonly subjectId?: string },
  ): Promise<Page<Run>> {
    const all = [...this.runs.of(org).values()]
      .map((stored) => stored.run)
      .filter((run) => filter?.kind === undefined || run.kind === filter.kind)
      .filter((run) => filter?.subjectId === undefined || run.subjectId === filter.subjectId)
      .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || byCodeUnit(b.id, a.id));

    return Promise.resolve(pageOf(all, page));
  }

  markRunning(org: OrgId, id: string): Promise<void> {
    return promised(() => {
      const stored = this.require(org, id);
      stored.run = { ...stored.run, status: 'running' };

      return undefined;
    });
  }

  finish(org: OrgId, id: string, outcome: Outcome, at: Date): Promise<Run> {
    return promised(() => {
      const stored = this.require(org, id);
      const failed = 'error' in outcome;
      stored.run = {
        ...stored.run,
        status: failed ? 'failed' : 'succeeded',
        finishedAt: at,
        report: outcome.report,
        error: failed ? outcome.error : null,
      };

      return stored.run;
    });
  }

  addRecords(org: OrgId, runId: string, records: readonly RunRecord[]): Promise<void> {
    return promised(() => {
      this.require(org, runId).records.push(...records.map((record) => ({ ...record })));

      return undefined;
    });
  }

  records(org: OrgId, runId: string, page: PageRequest, category?: RecordCategory): Promise<Page<RunRecord>> {
    const records = this.runs.get(org, runId)?.records ?? [];
    const selected = records.filter((record) => category === undefined || record.category === category);

    return Promise.resolve(pageOf(selected, page));
  }

  private require(org: OrgId, id: string): StoredRun {
    const stored = this.runs.get(org, id);
    if (stored === undefined) throw DomainError.notFound('run', id);

    return stored;
  }
}
