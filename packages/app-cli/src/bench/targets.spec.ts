import { describe, expect, it } from 'vitest';

import { judged, skippedRow } from './BenchRow.js';
import { formatTarget, slowdown, speedup, verdictOf, type Target } from './targets.js';

const atMost: Target = { comparison: 'atMost', limit: 1.25, unit: '×' };
const atLeast: Target = { comparison: 'atLeast', limit: 20, unit: '×' };
const below: Target = { comparison: 'below', limit: 50, unit: 'ms' };

describe('verdictOf', () => {
  it('should meet a limit exactly for at-most and at-least, but not for below', () => {
    expect(verdictOf(atMost, 1.25)).toBe('met');
    expect(verdictOf(atLeast, 20)).toBe('met');
    expect(verdictOf(below, 50)).toBe('missed');
  });

  it('should miss on the wrong side of the limit', () => {
    expect(verdictOf(atMost, 1.26)).toBe('missed');
    expect(verdictOf(atLeast, 19.9)).toBe('missed');
    expect(verdictOf(below, 49.9)).toBe('met');
  });

  it('should never count a missing or non-finite figure as met, and say n/a without a target', () => {
    expect(verdictOf(atLeast, null)).toBe('missed');
    expect(verdictOf(atMost, Number.NaN)).toBe('missed');
    expect(verdictOf(null, 3)).toBe('n/a');
  });
});

describe('ratios', () => {
  it('should read speed-up as baseline over subject and slowdown as subject over baseline', () => {
    expect(speedup(2, 50)).toBe(25);
    expect(slowdown(2.5, 2)).toBe(1.25);
  });
});

describe('formatTarget', () => {
  it('should print the comparison, limit and unit', () => {
    expect(formatTarget(atMost)).toBe('≤ 1.25×');
    expect(formatTarget(below)).toBe('< 50 ms');
    expect(formatTarget({ comparison: 'atLeast', limit: 1_000_000, unit: 'rows/s' })).toBe(
      '≥ 1,000,000 rows/s',
    );
    expect(formatTarget(null)).toBe('—');
  });
});

describe('judged rows', () => {
  it('should judge the measured figure and fill defaults', () => {
    const row = judged({ scenario: 's', variant: 'v', size: 10, seconds: 1, target: atLeast, measured: 31 });

    expect(row).toMatchObject({ verdict: 'met', rate: null, ratio: null, note: null, details: {} });
  });

  it('should mark a skipped row skipped whatever its target', () => {
    const row = skippedRow('s', 'v', 10, 'PostgreSQL unreachable', atMost);

    expect(row.verdict).toBe('skipped');
    expect(row.note).toBe('skipped: PostgreSQL unreachable');
  });
});
