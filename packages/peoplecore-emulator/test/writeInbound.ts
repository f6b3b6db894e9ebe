import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import {
  buildControlFile,
  countLines,
  ExchangeLayout,
  InboundFileSetWriter,
  type InboundWriterOptions,
} from '@audience-bridge/adapters-peoplecore/formats';

/**
 * Writes an inbound delivery as Audience Bridge would (data files, then the control file) and
 * returns its name; `rawLines` are appended to the first (uncompressed) file before the control
 * file is computed, to send lines the writer would never produce.
 */
export async function writeInbound(
  dir: string,
  options: InboundWriterOptions,
  users: readonly (readonly [string, readonly string[]])[],
  rawLines: readonly string[] = [],
): Promise<string> {
  const date = new Date(options.timestampSec * 1000);
  const pathOf = (name: string) => join(dir, ExchangeLayout.inboundKey(date, name));
  const writer = new InboundFileSetWriter({ gzip: false, ...options });
  for (const [userId, sids] of users) writer.add(userId, sids);
  const set = writer.finish();
  for (const chunk of writer.takeChunks()) {
    await mkdir(dirname(pathOf(chunk.fileName)), { recursive: true });
    await appendFile(pathOf(chunk.fileName), chunk.bytes);
  }
  const first = set.files[0]?.FileName;
  if (rawLines.length > 0 && first !== undefined)
    await appendFile(pathOf(first), rawLines.map((line) => `${line}\n`).join(''));

  const files = [];
  for (const entry of set.files) {
    const bytes = await readFile(pathOf(entry.FileName));
    files.push({
      name: entry.FileName,
      bytes,
      lineCount: options.gzip === true ? entry.FileLineCount : countLines(bytes),
    });
  }
  const control = buildControlFile(set.deliveryName, files);
  await writeFile(pathOf(control.name), control.text);

  return set.deliveryName;
}
