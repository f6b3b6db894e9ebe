import type { Run, RunCounts } from '@audience-bridge/domain';

import { renderFields, renderTable } from './table.js';

/** The share of valid input IDs (import) or targeted profiles (export) that found their match, 0 to 1. */
export function matchRate(kind: Run['kind'], counts: RunCounts): number | null {
  if (kind === 'export') return counts.input === 0 ? null : counts.exported / counts.input;
  const valid = counts.input - counts.rejected;
  if (valid <= 0) return null;

  return (valid - counts.unreconciled) / valid;
}

/** A rate as a percentage with one decimal, or `-`. */
export const percent = (rate: number | null): string => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);

/** Milliseconds as seconds with one decimal. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** A run and its report in the shape `--json` prints: the run, plus its match rate. */
export function runDocument(run: Run): Run & { readonly matchRate: number | null } {
  return { ...run, matchRate: run.report === null ? null : matchRate(run.kind, run.report.counts) };
}

function countLines(run: Run): [string, number | string][] {
  const report = run.report;
  if (report === null) return [];
  const c = report.counts;
  const common: [string, number | string][] = [['input', c.input]];
  const byKind: [string, number | string][] =
    run.kind === 'export'
      ? [
          ['exported', c.exported],
          ['already present', c.alreadyPresent],
          ['ignored (no ID)', c.ignored],
          ['unreconciled', c.unreconciled],
        ]
      : [
          ['imported', c.imported],
          ['unreconciled', c.unreconciled],
          ['rejected', c.rejected],
          ['ambiguous', c.ambiguous],
          ['members', c.members],
        ];

  return [
    ...common,
    ...byKind,
    ['match rate', percent(matchRate(run.kind, c))],
    ['duration', seconds(report.durationMs)],
  ];
}

/** A run report as people read it: status, counts, match rate, duration, top reject reasons, receipts. */
export function renderRun(run: Run): string {
  const head: [string, string | number | null][] = [
    ['run', run.id],
    ['kind', run.kind],
    ['subject', run.subjectId],
    ['status', run.status],
    ['started', run.startedAt.toISOString()],
    ...(run.error === null ? [] : [['error', run.error] as [string, string]]),
  ];
  const parts = [renderFields([...head, ...countLines(run)])];
  const report = run.report;
  if (report !== null && report.topReasons.length > 0) {
    parts.push(
      'top reasons:',
      renderTable(report.topReasons, [
        { heading: 'count', cell: (row) => row.count, align: 'right' },
        { heading: 'reason', cell: (row) => row.reason },
      ]),
    );
  }
  if (report !== null && Object.keys(report.activities).length > 0) {
    parts.push(
      `activities: ${Object.entries(report.activities)
        .map(([id, count]) => `${id}=${count}`)
        .join(', ')}`,
    );
  }
  if (report !== null && report.receipts.length > 0) parts.push(`receipts: ${report.receipts.join(', ')}`);

  return parts.join('\n');
}

/** Exit code of a finished run: 0 when it succeeded, 1 otherwise. */
export const runExitCode = (run: Run): 0 | 1 => (run.status === 'succeeded' ? 0 : 1);
