import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/Principal.js';
import type { RunRepository } from '../ports/RunRepository.js';
import type { RecordCategory, Run, RunKind, RunRecord } from '../runs/Run.js';
import { DomainError } from '../shared/DomainError.js';
import { defaultPage, type Page, type PageRequest } from '../shared/Page.js';
import { err, ok, type Result } from '../shared/Result.js';

/** Reads runs, their reports and the records they did not import or export, for the API and the CLI. */
export class ReadRuns {
  constructor(private readonly ports: { readonly runs: RunRepository }) {}

  async list(
    principal: Principal,
    page: PageRequest = defaultPage,
    filter: { readonly kind?: RunKind; readonly subjectId?: string } = {},
  ): Promise<Result<Page<Run>>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    return ok(await this.ports.runs.list(principal.orgId, page, filter));
  }

  async show(principal: Principal, id: string): Promise<Result<Run>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    const run = await this.ports.runs.get(principal.orgId, id);

    return run === null ? err(DomainError.notFound('run', id)) : ok(run);
  }

  async records(
    principal: Principal,
    id: string,
    page: PageRequest = defaultPage,
    category?: RecordCategory,
  ): Promise<Result<Page<RunRecord>>> {
    const shown = await this.show(principal, id);
    if (!shown.ok) return shown;

    return ok(await this.ports.runs.records(principal.orgId, id, page, category));
  }
}
