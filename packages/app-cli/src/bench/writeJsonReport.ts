import { writeFileSync } from 'node:fs';

import type { BenchArgs, JsonDestination } from './args.js';
import type { BenchRow } from './BenchRow.js';
import type { MachineInfo } from './machine.js';

/** The machine-readable result of one run: every row with every figure, ratio and verdict. */
export interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly command: string;
  readonly size: 'quick' | 'full';
  readonly machine: MachineInfo;
  /** Load average when the run ended (the start is in `machine`). */
  readonly loadAverageAtEnd: readonly number[];
  readonly rows: readonly BenchRow[];
  readonly summary: { readonly met: number; readonly missed: number; readonly skipped: number };
}

/** Counts verdicts for the report's summary. */
export function summarise(rows: readonly BenchRow[]): BenchReport['summary'] {
  const count = (verdict: BenchRow['verdict']): number =>
    rows.filter((row) => row.verdict === verdict).length;

  return { met: count('met'), missed: count('missed'), skipped: count('skipped') };
}

/** Builds the document; `args` says which size ran. */
export function buildReport(
  args: BenchArgs,
  run: { startedAt: Date; finishedAt: Date; machine: MachineInfo; loadAverageAtEnd: readonly number[] },
  rows: readonly BenchRow[],
): BenchReport {
  return {
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    size: args.quick ? 'quick' : 'full',
    machine: run.machine,
    loadAverageAtEnd: run.loadAverageAtEnd,
    rows,
    summary: summarise(rows),
  };
}

/** Writes the document as indented JSON to a file or to stdout. */
export function writeJsonReport(report: BenchReport, destination: JsonDestination): void {
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (destination.to === 'stdout') process.stdout.write(text);
  else writeFileSync(destination.path, text);
}
