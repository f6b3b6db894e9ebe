import type { OrgId, ReconciliationOutcome, ReconciliationSession, StagedId } from '@audience-bridge/domain';

import { keysetBatches } from '../sql/keysetBatches.js';
import type { SqlGateway } from '../sql/SqlGateway.js';
import { collectGenerations, reserveGeneration, switchGeneration } from './audienceGenerations.js';
import type { FlaggedKind, StagingArea } from './StagingArea.js';

/**
 * One reconciliation: IDs appended to the session's staging area batch by batch, numbered in staging
 * order (the first staging of a raw ID wins), then one transaction on the area's connection matches each
 * distinct raw ID once, writes the new member generation, keeps the unmatched and ambiguous IDs for
 * paging, and switches the audience.
 */
export class SqlReconciliationSession implements ReconciliationSession {
  private state: 'open' | 'completed' | 'closed' = 'open';
  private nextSeq = 0;

  constructor(
    private readonly db: SqlGateway,
    private readonly org: OrgId,
    private readonly audienceId: string,
    private readonly area: StagingArea,
  ) {}

  async stage(ids: readonly StagedId[]): Promise<void> {
    if (this.state !== 'open') throw new Error(`reconciliation session is ${this.state}`);

    const firstSeq = this.nextSeq;
    this.nextSeq += ids.length;
    await this.area.stage(ids, firstSeq);
  }

  async complete(): Promise<ReconciliationOutcome> {
    if (this.state !== 'open') throw new Error(`reconciliation session is ${this.state}`);

    const { counts, done, generation } = await this.area.transaction(async (sql) => {
      const reserved = await reserveGeneration(sql, this.org, this.audienceId);
      const found = await this.area.reconcile(sql, { audienceId: this.audienceId, generation: reserved });
      const switched = await switchGeneration(sql, this.org, this.audienceId, reserved, found.members);

      return { counts: found, done: switched, generation: reserved };
    });
    await this.db.work((sql) => collectGenerations(sql, this.org, this.audienceId, { ...done, generation }));
    this.state = 'completed';

    return {
      staged: counts.staged,
      reconciled: counts.reconciled,
      unreconciled: counts.staged - counts.reconciled,
      ambiguous: counts.ambiguous,
      members: done.count,
      version: done.version,
    };
  }

  unmatched(batchSize: number): AsyncIterable<string[]> {
    return this.pages('unmatched', batchSize);
  }

  ambiguous(batchSize: number): AsyncIterable<string[]> {
    return this.pages('ambiguous', batchSize);
  }

  async close(): Promise<void> {
    this.state = 'closed';
    await this.area.release();
  }

  private async *pages(kind: FlaggedKind, batchSize: number): AsyncIterable<string[]> {
    if (this.state !== 'completed')
      throw new Error('unmatched and ambiguous IDs are known only after complete');

    const fetch = (after: string | null, limit: number): Promise<string[]> =>
      this.area.page(kind, after, limit);

    yield* keysetBatches(fetch, (raw) => raw, batchSize);
  }
}
