import type { Writable } from 'node:stream';

/** Quotes a CSV cell when it holds a separator, a quote or a line break (RFC 4180). */
export function csvCell(value: string | number | boolean | null | undefined): string {
  const raw = value === null || value === undefined ? '' : String(value);

  return /[",\r\n]/.test(raw) ? `"${raw.replace(/"/g, '""')}"` : raw;
}

/** One CSV line, with its line break. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\n`;
}

/** Writes a line, waiting for the stream to drain when its buffer is full, so large outputs stream. */
export async function writeStreamed(stream: Writable, line: string): Promise<void> {
  if (stream.write(line)) return;

  await new Promise<void>((resolve) => stream.once('drain', resolve));
}

/** Streams pages of rows as CSV: the header, then each page as soon as it is read. */
export async function streamCsv<T>(
  stream: Writable,
  header: readonly string[],
  pages: AsyncIterable<readonly T[]>,
  toCells: (row: T) => readonly (string | number | boolean | null | undefined)[],
): Promise<number> {
  await writeStreamed(stream, csvLine(header));
  let count = 0;
  for await (const page of pages) {
    for (const row of page) await writeStreamed(stream, csvLine(toCells(row)));
    count += page.length;
  }

  return count;
}
