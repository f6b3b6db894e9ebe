import type { OrgId } from '../auth/Principal.js';
import type { RunRepository } from '../ports/RunRepository.js';
import type { RecordCategory, RunRecord } from '../runs/Run.js';

/** How many records the recorder keeps before writing them in one call. */
export const RECORD_FLUSH_SIZE = 1_000;

/**
 * Collects the records a run did not import or export and writes them in batches, so that a run
 * of millions of IDs neither holds them all in memory nor writes them one by one. It keeps the
 * counts per category and per reason for the report.
 */
export class RunRecorder {
  private buffer: RunRecord[] = [];
  private readonly categories = new Map<RecordCategory, number>();
  private readonly reasons = new Map<string, number>();

  constructor(
    private readonly runs: RunRepository,
    private readonly org: OrgId,
    private readonly runId: string,
    private readonly flushSize: number = RECORD_FLUSH_SIZE,
  ) {}

  async add(records: readonly RunRecord[]): Promise<void> {
    for (const record of records) {
      this.buffer.push(record);
      this.categories.set(record.category, (this.categories.get(record.category) ?? 0) + 1);
      this.reasons.set(record.reason, (this.reasons.get(record.reason) ?? 0) + 1);
      if (this.buffer.length >= this.flushSize) await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;

    const batch = this.buffer;
    this.buffer = [];
    await this.runs.addRecords(this.org, this.runId, batch);
  }

  count(category: RecordCategory): number {
    return this.categories.get(category) ?? 0;
  }

  /** The most frequent reasons, most frequent first, ties by reason. */
  topReasons(limit = 5): { readonly reason: string; readonly count: number }[] {
    return [...this.reasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0))
      .slice(0, limit);
  }
}
