import { createHash } from 'node:crypto';

import { z } from 'zod';

const entrySchema = z.object({
  FileByteSize: z.number().int().nonnegative(),
  FileLineCount: z.number().int().nonnegative(),
  FileName: z.string().min(1),
  FileSequenceNumber: z.number().int().positive(),
  md5: z.string().regex(/^[0-9a-f]{32}$/i, 'md5 must be 32 hex digits'),
});

const controlSchema = z.object({
  Files: z.array(entrySchema),
  Totals: z.object({
    FileName: z.string().min(1),
    TotalByteSize: z.number().int().nonnegative(),
    TotalNumberFiles: z.number().int().nonnegative(),
    TotalNumberLines: z.number().int().nonnegative(),
  }),
});

/** One file of a delivery as its `.info` describes it: size and md5 of the stored bytes, lines of the content. */
export type ControlFileEntry = z.infer<typeof entrySchema>;

/**
 * An AAM transfer control file. `FileByteSize` and `md5` cover the bytes as stored (gzipped when the
 * name ends in `.gz`); `FileLineCount` counts the lines of the uncompressed content.
 */
export type ControlFile = z.infer<typeof controlSchema>;

/** A control file ready to store: its name, its JSON text and its parsed form. */
export interface ControlFileDocument {
  readonly name: string;
  readonly text: string;
  readonly control: ControlFile;
}

/** One stored file of a delivery, with the line count of its uncompressed content. */
export interface DeliveredFile {
  readonly name: string;
  readonly bytes: Buffer;
  readonly lineCount: number;
}

/** The name of a delivery's control file: the delivery name plus `.info`. */
export const controlFileName = (deliveryName: string): string => `${deliveryName}.info`;

/** The lower-case hex md5 of stored bytes, as control files carry it. */
export const md5Hex = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

/** Builds a control file from entries already measured (e.g. by a streaming writer). */
export function controlFileFromEntries(
  deliveryName: string,
  entries: readonly ControlFileEntry[],
): ControlFileDocument {
  const control: ControlFile = {
    Files: [...entries],
    Totals: {
      FileName: controlFileName(deliveryName),
      TotalByteSize: entries.reduce((sum, entry) => sum + entry.FileByteSize, 0),
      TotalNumberFiles: entries.length,
      TotalNumberLines: entries.reduce((sum, entry) => sum + entry.FileLineCount, 0),
    },
  };
  return { name: control.Totals.FileName, text: `${JSON.stringify(control, null, 2)}\n`, control };
}

/** Builds the control file of a delivery from its stored files, numbered in the given order. */
export function buildControlFile(deliveryName: string, files: readonly DeliveredFile[]): ControlFileDocument {
  const entries = files.map((file, index) => ({
    FileByteSize: file.bytes.length,
    FileLineCount: file.lineCount,
    FileName: file.name,
    FileSequenceNumber: index + 1,
    md5: md5Hex(file.bytes),
  }));
  return controlFileFromEntries(deliveryName, entries);
}

/** Parses and checks a control file; returns every problem found instead of throwing. */
export function parseControlFile(
  text: string,
): { readonly ok: true; readonly value: ControlFile } | { readonly ok: false; readonly reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the control file is not JSON' };
  }

  const parsed = controlSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    return { ok: false, reason: `the control file is malformed: ${issues.join('; ')}` };
  }
  return checkTotals(parsed.data);
}

function checkTotals(control: ControlFile): ReturnType<typeof parseControlFile> {
  const { Files: files, Totals: totals } = control;
  const bytes = files.reduce((sum, entry) => sum + entry.FileByteSize, 0);
  const lines = files.reduce((sum, entry) => sum + entry.FileLineCount, 0);
  if (totals.TotalNumberFiles !== files.length) {
    return {
      ok: false,
      reason: `Totals.TotalNumberFiles is ${totals.TotalNumberFiles} but ${files.length} files are listed`,
    };
  }
  if (totals.TotalByteSize !== bytes) {
    return {
      ok: false,
      reason: `Totals.TotalByteSize is ${totals.TotalByteSize} but the files add up to ${bytes}`,
    };
  }
  if (totals.TotalNumberLines !== lines) {
    return {
      ok: false,
      reason: `Totals.TotalNumberLines is ${totals.TotalNumberLines} but the files add up to ${lines}`,
    };
  }
  return { ok: true, value: control };
}

/** Checks one stored file against its control entry; returns the mismatch, or null when it matches. */
export function verifyAgainstControl(
  entry: ControlFileEntry,
  bytes: Uint8Array,
  lineCount: number,
): string | null {
  return verifyMeasured(entry, { byteSize: bytes.length, md5: md5Hex(bytes), lineCount });
}

/** Like `verifyAgainstControl`, for a file measured while streaming (size, md5 and lines counted on the way). */
export function verifyMeasured(
  entry: ControlFileEntry,
  measured: { readonly byteSize: number; readonly md5: string; readonly lineCount: number },
): string | null {
  if (measured.byteSize !== entry.FileByteSize) {
    return `${entry.FileName}: ${measured.byteSize} bytes stored, control file says ${entry.FileByteSize}`;
  }
  if (measured.md5 !== entry.md5.toLowerCase()) {
    return `${entry.FileName}: md5 ${measured.md5} differs from the control file's ${entry.md5}`;
  }
  if (measured.lineCount !== entry.FileLineCount) {
    return `${entry.FileName}: ${measured.lineCount} lines, control file says ${entry.FileLineCount}`;
  }
  return null;
}
