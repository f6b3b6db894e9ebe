import { verdictOf, type Target, type Verdict } from './targets.js';

/** One line of the results: a variant of a scenario, its figures, and its target if it has one. */
export interface BenchRow {
  readonly scenario: string;
  readonly variant: string;
  /** Items processed (IDs, rows, requests), or the size the scenario names. */
  readonly size: number;
  readonly seconds: number | null;
  readonly rate: { readonly value: number; readonly unit: string } | null;
  /** A comparison with another row of the same scenario, e.g. `AB 31.2× faster than (a)`. */
  readonly ratio: { readonly value: number; readonly text: string } | null;
  readonly target: Target | null;
  /** The figure the target is checked against (a ratio, a rate, MB or ms). */
  readonly measured: number | null;
  readonly verdict: Verdict;
  /** Phases, labels and reasons (e.g. why a row was skipped or extrapolated). */
  readonly note: string | null;
  /** Extra figures for the JSON document (phases, percentiles). */
  readonly details: Readonly<Record<string, number | string>>;
}

/** A row before its verdict: everything measured, nothing judged. */
export type RowDraft = Omit<
  BenchRow,
  'verdict' | 'rate' | 'ratio' | 'target' | 'measured' | 'note' | 'details'
> &
  Partial<Pick<BenchRow, 'rate' | 'ratio' | 'target' | 'measured' | 'note' | 'details'>>;

/** Fills the defaults and judges the row against its target. */
export function judged(draft: RowDraft): BenchRow {
  const target = draft.target ?? null;
  const measured = draft.measured ?? null;

  return {
    ...draft,
    rate: draft.rate ?? null,
    ratio: draft.ratio ?? null,
    target,
    measured,
    note: draft.note ?? null,
    details: draft.details ?? {},
    verdict: verdictOf(target, measured),
  };
}

/** A row for a variant that could not run, with the reason in its note. */
export function skippedRow(
  scenario: string,
  variant: string,
  size: number,
  reason: string,
  target: Target | null = null,
): BenchRow {
  return {
    ...judged({ scenario, variant, size, seconds: null, target, note: `skipped: ${reason}` }),
    verdict: 'skipped',
  };
}

/** Items per second, or `null` when nothing was timed. */
export function rateOf(items: number, seconds: number | null, unit: string): BenchRow['rate'] {
  return seconds === null || seconds <= 0 ? null : { value: items / seconds, unit };
}

/** The first line of an error's message, cut to fit a table cell. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0] ?? message;

  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
