import { gzipSync } from 'node:zlib';

import { buildControlFile, type ControlFileDocument, type DeliveredFile } from './ControlFile.js';
import { formatOutboundFileName, outboundDeliveryName, type OutboundFileName } from './OutboundFileName.js';
import { formatOutboundLine, type OutboundLine } from './OutboundLine.js';

/** What an outbound delivery is called and how it is cut into files. */
export interface OutboundDeliveryOptions extends Omit<OutboundFileName, 'split'> {
  /** Lines per file before a new split starts; default 1,000,000. */
  readonly maxLinesPerFile?: number;
}

/** A whole outbound delivery in memory: its stored files and its control file (for emulators and tests). */
export interface OutboundDelivery {
  readonly deliveryName: string;
  readonly files: readonly DeliveredFile[];
  readonly control: ControlFileDocument;
}

/** Formats lines into one or more outbound files (always at least one) plus their `.info`. */
export function buildOutboundDelivery(
  options: OutboundDeliveryOptions,
  lines: readonly OutboundLine[],
): OutboundDelivery {
  const perFile = Math.max(1, options.maxLinesPerFile ?? 1_000_000);
  const files: DeliveredFile[] = [];
  for (let start = 0; start === 0 || start < lines.length; start += perFile) {
    const slice = lines.slice(start, start + perFile);
    const content = Buffer.from(slice.map((line) => `${formatOutboundLine(line)}\n`).join(''), 'utf8');
    files.push({
      name: formatOutboundFileName({ ...options, split: files.length + 1 }),
      bytes: options.gzip ? gzipSync(content) : content,
      lineCount: slice.length,
    });
  }

  const deliveryName = outboundDeliveryName(options);
  return { deliveryName, files, control: buildControlFile(deliveryName, files) };
}
