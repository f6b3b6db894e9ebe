import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import {
  countLines,
  parseControlFile,
  parseOutboundLine,
  verifyAgainstControl,
  type OutboundLine,
} from '@audience-bridge/adapters-peoplecore/formats';

import type { DeliveryResult } from '../src/index.js';

/** A delivery read back the way a consumer would: its lines, and the first control-file mismatch if any. */
export interface ReadBack {
  readonly lines: OutboundLine[];
  readonly mismatch: string | null;
}

/** Reads an outbound delivery from disk and checks every file against its `.info`. */
export async function readDelivery(dir: string, delivery: DeliveryResult): Promise<ReadBack> {
  const control = parseControlFile(await readFile(join(dir, delivery.controlKey), 'utf8'));
  if (!control.ok) return { lines: [], mismatch: control.reason };

  const lines: OutboundLine[] = [];
  for (const [index, entry] of control.value.Files.entries()) {
    const stored = await readFile(join(dir, delivery.fileKeys[index]!));
    let content: Buffer;
    try {
      content = entry.FileName.endsWith('.gz') ? gunzipSync(stored) : stored;
    } catch {
      return { lines, mismatch: `${entry.FileName} is not gzip` };
    }
    const mismatch = verifyAgainstControl(entry, stored, countLines(content));
    if (mismatch !== null) return { lines, mismatch };
    const texts = content
      .toString('utf8')
      .split('\n')
      .filter((text) => text !== '');
    for (const [number, text] of texts.entries()) {
      const parsed = parseOutboundLine(text, number + 1);
      if (!parsed.ok) return { lines, mismatch: parsed.reason };
      lines.push(parsed.value);
    }
  }

  return { lines, mismatch: null };
}

/** The members of one segment in a delivery's lines. */
export function membersIn(lines: readonly OutboundLine[], sid: number): string[] {
  return lines.filter((line) => line.segments.includes(String(sid))).map((line) => line.userId);
}
