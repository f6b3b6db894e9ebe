import type { BenchRow } from './BenchRow.js';
import { formatTarget } from './targets.js';

const HEADERS = ['scenario', 'variant', 'size', 'seconds', 'rate', 'ratio', 'target', 'result'] as const;

const grouped = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Seconds with enough digits to compare runs: 3 decimals under 10 s, 1 above. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';

  return seconds < 10 ? seconds.toFixed(3) : grouped(seconds, 1);
}

/** A rate with thousands separators and its unit, e.g. `1,234,567 IDs/s`. */
export function formatRate(rate: BenchRow['rate']): string {
  if (rate === null) return '—';

  return `${grouped(rate.value, rate.value < 100 ? 1 : 0)} ${rate.unit}`;
}

function cells(row: BenchRow): string[] {
  const result = row.verdict === 'skipped' ? (row.note ?? 'skipped') : row.verdict;

  return [
    row.scenario,
    row.variant,
    grouped(row.size),
    formatSeconds(row.seconds),
    formatRate(row.rate),
    row.ratio?.text ?? '—',
    formatTarget(row.target),
    result,
  ];
}

/** The results as a Markdown-compatible table, columns padded so that it also reads on a terminal. */
export function formatTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...body.map((line) => (line[column] ?? '').length)),
  );
  const line = (values: readonly string[]): string =>
    `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;

  return [line(HEADERS), rule, ...body.map(line)].join('\n');
}

/** Notes of the rows that have one (phases, extrapolations), one per line under the table. */
export function formatNotes(rows: readonly BenchRow[]): string {
  return rows
    .filter((row) => row.note !== null && row.verdict !== 'skipped')
    .map((row) => `- ${row.scenario} / ${row.variant}: ${row.note ?? ''}`)
    .join('\n');
}
