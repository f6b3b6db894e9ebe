import type { OrgId, ReconciliationOutcome, ReconciliationSession, StagedId } from '@audience-bridge/domain';

import { keysetBatches } from '../sql/keysetBatches.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { readCount } from '../sql/values.js';
import { collectGenerations, reserveGeneration, switchGeneration } from './audienceGenerations.js';
import { reconciliationSql, type ReconciliationSql } from './reconciliationSql.js';
import type { StagingArea } from './StagingArea.js';

/**
 * One reconciliation: IDs staged in multi-row inserts (first staging of a raw ID wins), then one
 * transaction joins, writes the new member generation, counts and switches the audience; unmatched and
 * ambiguous IDs are read back by probing `profile_keys` again rather than keeping the matches.
 */
export class SqlReconciliationSession implements ReconciliationSession {
  private state: 'open' | 'completed' | 'closed' = 'open';
  private readonly sql: ReconciliationSql;

  constructor(
    private readonly db: SqlGateway,
    private readonly org: OrgId,
    private readonly audienceId: string,
    private readonly area: StagingArea,
  ) {
    this.sql = reconciliationSql(area);
  }

  async stage(ids: readonly StagedId[]): Promise<void> {
    if (this.state !== 'open') throw new Error(`reconciliation session is ${this.state}`);

    const rows = ids.map((id) => this.area.row(id));
    await this.db.transaction((sql) =>
      sql.insertRows(this.area.table, this.area.columns, rows, 'on conflict do nothing'),
    );
  }

  async complete(): Promise<ReconciliationOutcome> {
    if (this.state !== 'open') throw new Error(`reconciliation session is ${this.state}`);

    const scoped = [this.org, ...this.area.scopeParams];
    const { outcome, done, generation } = await this.db.transaction(async (sql) => {
      const reserved = await reserveGeneration(sql, this.org, this.audienceId);
      await sql.run(this.sql.writeMembers, [this.org, this.audienceId, reserved, ...scoped]);
      const counts = await sql.one<{ staged: unknown; reconciled: unknown; ambiguous: unknown }>(
        this.sql.countOutcome,
        scoped,
      );
      const switched = await switchGeneration(sql, this.org, this.audienceId, reserved);

      return { outcome: counts, done: switched, generation: reserved };
    });
    await this.db.work((sql) => collectGenerations(sql, this.org, this.audienceId, { ...done, generation }));
    this.state = 'completed';
    const staged = readCount(outcome?.staged);
    const reconciled = readCount(outcome?.reconciled);

    return {
      staged,
      reconciled,
      unreconciled: staged - reconciled,
      ambiguous: readCount(outcome?.ambiguous),
      members: done.count,
      version: done.version,
    };
  }

  unmatched(batchSize: number): AsyncIterable<string[]> {
    return this.pages((after) => this.sql.unmatchedPage(after), batchSize);
  }

  ambiguous(batchSize: number): AsyncIterable<string[]> {
    return this.pages((after) => this.sql.ambiguousPage(after), batchSize);
  }

  async close(): Promise<void> {
    this.state = 'closed';
    await this.db.work((sql) => sql.run(this.area.release.sql, this.area.release.params));
  }

  private async *pages(query: (after: boolean) => string, batchSize: number): AsyncIterable<string[]> {
    if (this.state !== 'completed')
      throw new Error('unmatched and ambiguous IDs are known only after complete');

    const fetch = (after: string | null, limit: number): Promise<string[]> =>
      this.db.work(async (sql) => {
        const rows = await sql.all<{ raw: string }>(query(after !== null), [
          this.org,
          ...this.area.scopeParams,
          ...(after === null ? [] : [after]),
          limit,
        ]);

        return rows.map((row) => row.raw);
      });

    yield* keysetBatches(fetch, (raw) => raw, batchSize);
  }
}
