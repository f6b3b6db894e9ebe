import {
  DomainError,
  type OrgId,
  type Page,
  type PageRequest,
  type RecordCategory,
  type Run,
  type RunKind,
  type RunRecord,
  type RunReport,
  type RunRepository,
} from '@audience-bridge/domain';

import type { SqlExecutor } from '../sql/SqlExecutor.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { readCount, writeDate, writeJson } from '../sql/values.js';
import { RUN_COLUMNS, runOf, type RunSqlRow } from './runRows.js';

type Outcome = { readonly report: RunReport } | { readonly error: string; readonly report: RunReport | null };

/** Runs with their JSON reports, newest first, and the records each left behind, paged in the order added. */
export class MikroOrmRunRepository implements RunRepository {
  constructor(private readonly db: SqlGateway) {}

  create(
    org: OrgId,
    draft: Pick<Run, 'id' | 'kind' | 'subjectId' | 'startedBy' | 'startedAt'>,
  ): Promise<Run> {
    return this.db.transaction(async (sql) => {
      if ((await this.read(sql, org, draft.id)) !== null)
        throw new DomainError('CONFLICT', `run ${draft.id} already exists`);

      await sql.insertRows(
        'runs',
        [
          'org',
          'id',
          'kind',
          'subject_id',
          'status',
          'started_by',
          'started_at',
          'finished_at',
          'report',
          'error',
        ],
        [
          [
            org,
            draft.id,
            draft.kind,
            draft.subjectId,
            'queued',
            draft.startedBy,
            writeDate(draft.startedAt),
            null,
            null,
            null,
          ],
        ],
      );

      return { ...draft, status: 'queued', finishedAt: null, report: null, error: null };
    });
  }

  get(org: OrgId, id: string): Promise<Run | null> {
    return this.db.work((sql) => this.read(sql, org, id));
  }

  list(
    org: OrgId,
    page: PageRequest,
    filter?: { readonly kind?: RunKind; readonly subjectId?: string },
  ): Promise<Page<Run>> {
    const conditions = ['org = ?'];
    const params: unknown[] = [org];
    if (filter?.kind !== undefined) {
      conditions.push('kind = ?');
      params.push(filter.kind);
    }
    if (filter?.subjectId !== undefined) {
      conditions.push('subject_id = ?');
      params.push(filter.subjectId);
    }
    const where = conditions.join(' and ');

    return this.db.work(async (sql) => {
      const total = await sql.one<{ n: unknown }>(`select count(*) as n from runs where ${where}`, params);
      const rows = await sql.all<RunSqlRow>(
        `select ${RUN_COLUMNS} from runs where ${where} order by started_at desc, id desc limit ? offset ?`,
        [...params, page.limit, page.offset],
      );

      return { items: rows.map(runOf), total: readCount(total?.n), offset: page.offset, limit: page.limit };
    });
  }

  markRunning(org: OrgId, id: string): Promise<void> {
    return this.db.work(async (sql) => {
      if ((await sql.run(`update runs set status = 'running' where org = ? and id = ?`, [org, id])) === 0) {
        throw DomainError.notFound('run', id);
      }
    });
  }

  finish(org: OrgId, id: string, outcome: Outcome, at: Date): Promise<Run> {
    const error = 'error' in outcome ? outcome.error : null;

    return this.db.transaction(async (sql) => {
      const changed = await sql.run(
        'update runs set status = ?, finished_at = ?, report = ?, error = ? where org = ? and id = ?',
        [error === null ? 'succeeded' : 'failed', writeDate(at), writeJson(outcome.report), error, org, id],
      );
      const run = changed === 0 ? null : await this.read(sql, org, id);
      if (run === null) throw DomainError.notFound('run', id);

      return run;
    });
  }

  addRecords(org: OrgId, runId: string, records: readonly RunRecord[]): Promise<void> {
    return this.db.transaction(async (sql) => {
      if ((await this.read(sql, org, runId)) === null) throw DomainError.notFound('run', runId);

      const rows = records.map((record) => [org, runId, record.category, record.value, record.reason]);
      await sql.insertRows('run_records', ['org', 'run_id', 'category', 'value', 'reason'], rows);
    });
  }

  records(org: OrgId, runId: string, page: PageRequest, category?: RecordCategory): Promise<Page<RunRecord>> {
    const where = `org = ? and run_id = ?${category === undefined ? '' : ' and category = ?'}`;
    const params = category === undefined ? [org, runId] : [org, runId, category];

    return this.db.work(async (sql) => {
      const total = await sql.one<{ n: unknown }>(
        `select count(*) as n from run_records where ${where}`,
        params,
      );
      const rows = await sql.all<RunRecord>(
        `select category, value, reason from run_records where ${where} order by id limit ? offset ?`,
        [...params, page.limit, page.offset],
      );
      const items = rows.map((row) => ({ category: row.category, value: row.value, reason: row.reason }));

      return { items, total: readCount(total?.n), offset: page.offset, limit: page.limit };
    });
  }

  private async read(sql: SqlExecutor, org: OrgId, id: string): Promise<Run | null> {
    const row = await sql.one<RunSqlRow>(`select ${RUN_COLUMNS} from runs where org = ? and id = ?`, [
      org,
      id,
    ]);

    return row === null ? null : runOf(row);
  }
}
