import type { SuiteFigures } from './figures.js';

/** Parses the recorded JSON lines; a line that is not a suite's figures is an error, not skipped. */
export function parseFigures(text: string): SuiteFigures[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SuiteFigures);
}

/** Merges the entries of each suite (a suite may record per database or per part). */
function merged(entries: readonly SuiteFigures[]): SuiteFigures[] {
  const bySuite = new Map<string, { figures: Record<string, number | string>; lost: number }>();
  for (const entry of entries) {
    const current = bySuite.get(entry.suite) ?? { figures: {}, lost: 0 };
    for (const [name, value] of Object.entries(entry.figures)) {
      const before = current.figures[name];
      current.figures[name] =
        typeof before === 'number' && typeof value === 'number' ? before + value : value;
    }
    current.lost += entry.lost;
    bySuite.set(entry.suite, current);
  }
  return [...bySuite].map(([suite, value]) => ({ suite, ...value }));
}

/** The summary table printed at the end of a reliability run: one line per figure, then what was lost. */
export function formatSummary(entries: readonly SuiteFigures[], size: string): string {
  const suites = merged(entries);
  const rows = suites.flatMap((entry) => [
    ...Object.entries(entry.figures).map(([name, value]) => [entry.suite, name, String(value)]),
    [entry.suite, 'lost', String(entry.lost)],
  ]);
  const header = ['suite', 'figure', 'value'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join(' | ');
  const totalLost = suites.reduce((sum, entry) => sum + entry.lost, 0);
  return [
    `Audience Bridge reliability (${size})`,
    line(header),
    widths.map((width) => '-'.repeat(width)).join('-|-'),
    ...rows.map(line),
    `anything lost: ${totalLost}`,
  ].join('\n');
}
