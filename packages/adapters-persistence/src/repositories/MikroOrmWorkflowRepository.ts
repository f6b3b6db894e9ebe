import {
  DomainError,
  type OrgId,
  type Page,
  type PageRequest,
  type SavedWorkflow,
  type WorkflowDocument,
  type WorkflowRepository,
} from '@audience-bridge/domain';

import type { SqlExecutor } from '../sql/SqlExecutor.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { readCount, readDate, readJson, writeDate } from '../sql/values.js';

interface WorkflowSqlRow {
  id: string;
  name: string;
  document: unknown;
  version: unknown;
  created_by: string;
  updated_by: string;
  created_at: unknown;
  updated_at: unknown;
}

const COLUMNS = 'id, name, document, version, created_by, updated_by, created_at, updated_at';

const workflowOf = (row: WorkflowSqlRow): SavedWorkflow => ({
  id: row.id,
  name: row.name,
  document: readJson(row.document) as WorkflowDocument,
  version: readCount(row.version),
  createdBy: row.created_by,
  updatedBy: row.updated_by,
  createdAt: readDate(row.created_at),
  updatedAt: readDate(row.updated_at),
});

/** Saved workflows as JSON documents, version 1 on create and one more on every update. */
export class MikroOrmWorkflowRepository implements WorkflowRepository {
  constructor(private readonly db: SqlGateway) {}

  create(
    org: OrgId,
    workflow: Omit<SavedWorkflow, 'version' | 'updatedBy' | 'updatedAt'>,
  ): Promise<SavedWorkflow> {
    return this.db.transaction(async (sql) => {
      if ((await this.read(sql, org, workflow.id)) !== null)
        throw new DomainError('CONFLICT', `workflow ${workflow.id} already exists`);

      const at = writeDate(workflow.createdAt);
      await sql.insertRows(
        'workflows',
        ['org', 'id', 'name', 'document', 'version', 'created_by', 'updated_by', 'created_at', 'updated_at'],
        [
          [
            org,
            workflow.id,
            workflow.name,
            JSON.stringify(workflow.document),
            1,
            workflow.createdBy,
            workflow.createdBy,
            at,
            at,
          ],
        ],
      );

      return { ...workflow, version: 1, updatedBy: workflow.createdBy, updatedAt: workflow.createdAt };
    });
  }

  get(org: OrgId, id: string): Promise<SavedWorkflow | null> {
    return this.db.work((sql) => this.read(sql, org, id));
  }

  list(org: OrgId, page: PageRequest): Promise<Page<SavedWorkflow>> {
    return this.db.work(async (sql) => {
      const total = await sql.one<{ n: unknown }>('select count(*) as n from workflows where org = ?', [org]);
      const rows = await sql.all<WorkflowSqlRow>(
        `select ${COLUMNS} from workflows where org = ? order by created_at, id limit ? offset ?`,
        [org, page.limit, page.offset],
      );

      return {
        items: rows.map(workflowOf),
        total: readCount(total?.n),
        offset: page.offset,
        limit: page.limit,
      };
    });
  }

  update(
    org: OrgId,
    id: string,
    document: WorkflowDocument,
    by: string,
    at: Date,
  ): Promise<SavedWorkflow | null> {
    return this.db.transaction(async (sql) => {
      const changed = await sql.run(
        'update workflows set name = ?, document = ?, version = version + 1, updated_by = ?, updated_at = ? where org = ? and id = ?',
        [document.name, JSON.stringify(document), by, writeDate(at), org, id],
      );

      return changed === 0 ? null : this.read(sql, org, id);
    });
  }

  delete(org: OrgId, id: string): Promise<boolean> {
    return this.db.work(
      async (sql) => (await sql.run('delete from workflows where org = ? and id = ?', [org, id])) > 0,
    );
  }

  private async read(sql: SqlExecutor, org: OrgId, id: string): Promise<SavedWorkflow | null> {
    const row = await sql.one<WorkflowSqlRow>(`select ${COLUMNS} from workflows where org = ? and id = ?`, [
      org,
      id,
    ]);

    return row === null ? null : workflowOf(row);
  }
}
