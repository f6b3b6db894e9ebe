/** A performance target from design §6: a measured figure compared with a limit. */
export interface Target {
  readonly comparison: 'atLeast' | 'atMost' | 'below';
  readonly limit: number;
  /** How the limit reads in the table: `×`, `rows/s`, `MB`, `ms`. */
  readonly unit: string;
}

/** Whether a row met its target; rows without a target are `n/a`, rows not run are `skipped`. */
export type Verdict = 'met' | 'missed' | 'n/a' | 'skipped';

/** Compares one measured figure with its target; a missing figure never counts as met. */
export function verdictOf(target: Target | null, measured: number | null): Verdict {
  if (target === null) return 'n/a';
  if (measured === null || !Number.isFinite(measured)) return 'missed';
  if (target.comparison === 'atLeast') return measured >= target.limit ? 'met' : 'missed';
  if (target.comparison === 'atMost') return measured <= target.limit ? 'met' : 'missed';

  return measured < target.limit ? 'met' : 'missed';
}

const symbols: Record<Target['comparison'], string> = { atLeast: '≥', atMost: '≤', below: '<' };

/** A target as the table prints it, e.g. `≥ 20×` or `< 50 ms`. */
export function formatTarget(target: Target | null): string {
  if (target === null) return '—';
  const limit = target.limit.toLocaleString('en-US');

  return target.unit === '×'
    ? `${symbols[target.comparison]} ${limit}×`
    : `${symbols[target.comparison]} ${limit} ${target.unit}`;
}

/** How many times faster `subject` is than `baseline` (both in seconds); above 1 means faster. */
export function speedup(subjectSeconds: number, baselineSeconds: number): number {
  return baselineSeconds / subjectSeconds;
}

/** Subject time over baseline time; at most 1.25 means within 25 % of the baseline. */
export function slowdown(subjectSeconds: number, baselineSeconds: number): number {
  return subjectSeconds / baselineSeconds;
}
