import { LineSplitter } from './LineSplitter.js';

/** Splits a stream of UTF-8 bytes into lines, yielding them in arrays of at most `batch`. */
export async function* readLines(chunks: AsyncIterable<Buffer>, batch = 8192): AsyncGenerator<string[]> {
  const splitter = new LineSplitter();
  let lines: string[] = [];
  for await (const chunk of chunks) {
    for (const line of splitter.push(chunk)) {
      lines.push(line);
      if (lines.length >= batch) {
        yield lines;
        lines = [];
      }
    }
  }
  lines.push(...splitter.end());
  if (lines.length > 0) yield lines;
}
