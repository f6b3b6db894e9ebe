import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { inject } from 'vitest';

/** The figures one suite reached; every value is measured, and `lost` must be 0. */
export interface SuiteFigures {
  readonly suite: string;
  readonly figures: Readonly<Record<string, number | string>>;
  readonly lost: number;
}

let fallback: string | undefined;

/** The JSON-lines file the global setup prints the summary from (a private one when run without it). */
export function figuresFile(): string {
  const provided = inject('reliabilityFigures') as string | undefined;
  if (provided !== undefined && provided !== '') return provided;
  fallback ??= join(mkdtempSync(join(tmpdir(), 'ab-reliability-')), 'figures.jsonl');
  return fallback;
}

/** Appends a suite's figures for the summary table. */
export function recordFigures(entry: SuiteFigures): void {
  appendFileSync(figuresFile(), `${JSON.stringify(entry)}\n`);
}

/** Adds to named counters, for suites that record once at the end. */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(name: string, amount = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + amount);
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  toRecord(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
