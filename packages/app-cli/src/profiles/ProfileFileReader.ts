import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';

import { parse, type CsvError } from 'csv-parse';

import { CliError } from '../output/errors.js';
import { checkCsvHeader, csvRecordToInput } from './csvRow.js';
import { LineIndex } from './LineIndex.js';

/** The formats `profiles import` reads. */
export type ProfileFormat = 'csv' | 'ndjson';

/** A line that never became a row (bad JSON, a broken CSV record), with why. */
export interface LineProblem {
  readonly line: number;
  readonly reasons: readonly string[];
}

/** The format named by the flag, else by the file's extension. */
export function inferFormat(file: string, given?: ProfileFormat): ProfileFormat {
  if (given !== undefined) return given;
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(ndjson|jsonl)$/i.test(file)) return 'ndjson';

  throw CliError.usage(
    `cannot tell the format of ${file} from its extension: add --format csv or --format ndjson`,
  );
}

/**
 * Streams profile rows out of a CSV or NDJSON file of any size, remembering each row's line and
 * every line that could not be read as a row, so that a load can report bad lines by number.
 */
export class ProfileFileReader {
  readonly problems: LineProblem[] = [];
  private readonly lines = new LineIndex();
  private count = 0;

  constructor(
    private readonly file: string,
    private readonly format: ProfileFormat,
  ) {}

  /** Fails early, with exit code 2, when the file cannot be read. */
  async check(): Promise<void> {
    await access(this.file).catch(() => {
      throw CliError.usage(`cannot read ${this.file}: check the path`);
    });
  }

  /** The file line of the row at this position among the rows yielded. */
  lineOf(index: number): number {
    return this.lines.lineOf(index);
  }

  async *rows(): AsyncGenerator {
    yield* this.format === 'csv' ? this.csvRows() : this.ndjsonRows();
  }

  private emit(line: number): void {
    this.lines.record(this.count, line);
    this.count += 1;
  }

  private async *ndjsonRows(): AsyncGenerator {
    const input = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const text of input) {
      line += 1;
      if (text.trim() === '') continue;
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (error) {
        this.problems.push({
          line,
          reasons: [`bad JSON: ${error instanceof Error ? error.message : String(error)}`],
        });
        continue;
      }
      this.emit(line);
      yield row;
    }
  }

  private async *csvRows(): AsyncGenerator {
    const parser = createReadStream(this.file).pipe(
      parse({
        columns: (header: string[]) => checkCsvHeader(header.map((column) => column.trim())),
        bom: true,
        info: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        on_skip: (error: CsvError | undefined) => {
          if (error !== undefined)
            this.problems.push({ line: lineOfError(error), reasons: [`bad CSV record: ${error.message}`] });
          return undefined;
        },
      }),
    );
    for await (const entry of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      this.emit(entry.info.lines);
      yield csvRecordToInput(entry.record);
    }
  }
}

const lineOfError = (error: CsvError): number => {
  const lines = (error as unknown as { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : 0;
};
