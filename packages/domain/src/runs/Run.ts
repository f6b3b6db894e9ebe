/** What a run does: import sync, export (a workflow start), or a profile load. */
export type RunKind = 'import' | 'export' | 'profiles';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** The buckets every input record of a run lands in; exactly one each (conservation). */
export type RecordCategory = 'rejected' | 'unreconciled' | 'ignored' | 'ambiguous';

/** A record that was not imported or exported, with the reason. */
export interface RunRecord {
  readonly category: RecordCategory;
  /** The record as received (an ID, a line number, an address); never a decrypted secret key. */
  readonly value: string;
  readonly reason: string;
}

/** Counts of a run; which fields apply depends on the run's kind. */
export interface RunCounts {
  /** Distinct input IDs (import) or targeted profiles (export) or rows read (profiles). */
  readonly input: number;
  readonly imported: number;
  readonly exported: number;
  readonly unreconciled: number;
  readonly ignored: number;
  readonly alreadyPresent: number;
  readonly rejected: number;
  readonly ambiguous: number;
  /** Profiles or addresses written into the audience. */
  readonly members: number;
}

export const zeroCounts: RunCounts = Object.freeze({
  input: 0,
  imported: 0,
  exported: 0,
  unreconciled: 0,
  ignored: 0,
  alreadyPresent: 0,
  rejected: 0,
  ambiguous: 0,
  members: 0,
});

/** The report a run leaves behind. */
export interface RunReport {
  readonly counts: RunCounts;
  /** Per-activity counts of a workflow run, by activity id. */
  readonly activities: Readonly<Record<string, number>>;
  /** The most frequent reasons of rejected records, most frequent first. */
  readonly topReasons: readonly { readonly reason: string; readonly count: number }[];
  /** Upload receipts of an export, as the People core side returned them. */
  readonly receipts: readonly string[];
  readonly durationMs: number;
}

/** One execution of an import sync, an export, or a profile load. */
export interface Run {
  readonly id: string;
  readonly kind: RunKind;
  /** The audience (import) or workflow (export) the run belongs to. */
  readonly subjectId: string;
  readonly status: RunStatus;
  readonly startedBy: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly report: RunReport | null;
  /** Why the run failed, in one line that says what to do next. */
  readonly error: string | null;
}
