import { describe, expect, it } from 'vitest';

import { judged, skippedRow } from './BenchRow.js';
import { formatNotes, formatRate, formatSeconds, formatTable } from './formatTable.js';

describe('formatTable', () => {
  it('should print one padded line per row under the header, with the verdict last', () => {
    const rows = [
      judged({
        scenario: 'decryption',
        variant: 'baseline',
        size: 1_000_000,
        seconds: 2.5,
        rate: { value: 400_000, unit: 'IDs/s' },
        ratio: { value: 7, text: 'AB 7.0× faster' },
        target: { comparison: 'atLeast', limit: 6, unit: '×' },
        measured: 7,
      }),
      skippedRow('api', 'GET', 0, 'no server'),
    ];

    const lines = formatTable(rows).split('\n');

    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^\| scenario +\| variant +\| size +\| seconds \| rate +\| ratio +\| target \| result +\|$/,
    );
    expect(lines[2]).toContain('| 1,000,000 | 2.500   | 400,000 IDs/s | AB 7.0× faster | ≥ 6×   | met');
    expect(lines[3]).toContain('skipped: no server');
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });
});

describe('cell formats', () => {
  it('should keep three decimals under ten seconds and one above', () => {
    expect(formatSeconds(1.23456)).toBe('1.235');
    expect(formatSeconds(1234.56)).toBe('1,234.6');
    expect(formatSeconds(null)).toBe('—');
  });

  it('should group rates and keep a decimal for small ones', () => {
    expect(formatRate({ value: 1_234_567.8, unit: 'rows/s' })).toBe('1,234,568 rows/s');
    expect(formatRate({ value: 12.34, unit: 'req/s' })).toBe('12.3 req/s');
    expect(formatRate(null)).toBe('—');
  });

  it('should list notes of measured rows only', () => {
    const rows = [
      judged({ scenario: 'a', variant: 'b', size: 1, seconds: 1, note: 'phases' }),
      skippedRow('c', 'd', 1, 'why'),
    ];

    expect(formatNotes(rows)).toBe('- a / b: phases');
  });
});
