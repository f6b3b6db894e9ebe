import { gunzipSync } from 'node:zlib';

import {
  countLines,
  parseControlFile,
  parseInboundFileName,
  verifyAgainstControl,
  type InboundFileName,
} from '@audience-bridge/adapters-peoplecore/formats';

import type { ExchangeDirectory } from './ExchangeDirectory.js';

/** One verified inbound file, uncompressed. */
export interface InboundFile {
  readonly name: string;
  readonly parts: InboundFileName;
  readonly content: Buffer;
}

/** The files of a delivery once its control file vouched for every one, or why it is refused. */
export type InboundRead =
  { readonly ok: true; readonly files: InboundFile[] } | { readonly ok: false; readonly reason: string };

function uncompressed(bytes: Buffer, gzip: boolean): Buffer | null {
  if (!gzip) return bytes;
  try {
    return gunzipSync(bytes);
  } catch {
    return null;
  }
}

interface StoredFile {
  readonly file: InboundFile;
  readonly stored: Buffer;
}

async function readOne(
  directory: ExchangeDirectory,
  folder: string,
  entry: { FileName: string },
): Promise<StoredFile | string> {
  const parts = parseInboundFileName(entry.FileName);
  if (parts === null) return `${entry.FileName} is not an inbound file name`;
  const bytes = await directory.read(`${folder}${entry.FileName}`);
  if (bytes === null) return `${entry.FileName} is listed in the control file but missing`;
  const content = uncompressed(bytes, parts.gzip);
  if (content === null) return `${entry.FileName} is not valid gzip`;

  return { file: { name: entry.FileName, parts, content }, stored: bytes };
}

/**
 * Reads an inbound delivery from its `.info` control file and checks every listed file's size, md5
 * and line count; one mismatch refuses the whole delivery, so nothing of it is applied.
 */
export async function readInboundDelivery(
  directory: ExchangeDirectory,
  folder: string,
  deliveryName: string,
): Promise<InboundRead> {
  const text = await directory.read(`${folder}${deliveryName}.info`);
  if (text === null) return { ok: false, reason: 'the control file is missing' };
  const control = parseControlFile(text.toString('utf8'));
  if (!control.ok) return control;
  if (control.value.Files.length === 0) return { ok: false, reason: 'the control file lists no file' };

  const files: InboundFile[] = [];
  for (const entry of control.value.Files) {
    const read = await readOne(directory, folder, entry);
    if (typeof read === 'string') return { ok: false, reason: read };
    const mismatch = verifyAgainstControl(entry, read.stored, countLines(read.file.content));
    if (mismatch !== null) return { ok: false, reason: mismatch };
    files.push(read.file);
  }

  return { ok: true, files };
}
