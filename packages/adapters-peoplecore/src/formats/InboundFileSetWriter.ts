import { createHash, type Hash } from 'node:crypto';
import { constants, gzipSync } from 'node:zlib';

import { DomainError } from '@audience-bridge/domain';

import { controlFileFromEntries, type ControlFileDocument, type ControlFileEntry } from './ControlFile.js';
import { formatInboundFileName, inboundDeliveryName } from './InboundFileName.js';

/** AAM's limit on one inbound line, in bytes (the newline excluded). */
export const INBOUND_MAX_LINE_BYTES = 102_400;
/** AAM's recommended uncompressed size of one inbound file. */
export const INBOUND_DEFAULT_FILE_BYTES = 1024 ** 3;
/** AAM's hard limit on the uncompressed size of one inbound file. */
export const INBOUND_MAX_FILE_BYTES = 5 * 1024 ** 3;

/** How an inbound delivery is named, split and compressed. */
export interface InboundWriterOptions {
  readonly dpid: number;
  readonly targetDpid?: number | null;
  readonly timestampSec: number;
  readonly mode?: 'sync' | 'overwrite';
  /** Uncompressed bytes per file; default 1 GiB, never above 5 GiB. */
  readonly maxFileBytes?: number;
  readonly gzip?: boolean;
  /** zlib level; 1 by default, because writing speed matters more than a few percent of size. */
  readonly gzipLevel?: number;
  /** Uncompressed bytes gathered before a block is compressed and handed out; default 4 MiB. */
  readonly blockBytes?: number;
}

/** Bytes to append, in order, to the stored file `fileName` (gzip members concatenate into one valid file). */
export interface InboundChunk {
  readonly fileName: string;
  readonly bytes: Buffer;
}

/** A finished inbound delivery: its name, the measured files and their control file. */
export interface InboundFileSet {
  readonly deliveryName: string;
  readonly files: readonly ControlFileEntry[];
  readonly control: ControlFileDocument;
  readonly lineCount: number;
}

interface OpenFile {
  readonly name: string;
  readonly md5: Hash;
  storedBytes: number;
  contentBytes: number;
  lines: number;
}

/**
 * Writes an inbound `.sync`/`.overwrite` delivery as a stream of compressed chunks, split under the
 * file-size limit, measuring each file for its control file on the way; files are always numbered.
 */
export class InboundFileSetWriter {
  private readonly options: Required<Omit<InboundWriterOptions, 'targetDpid'>> & {
    targetDpid: number | null;
  };
  private readonly entries: ControlFileEntry[] = [];
  private readonly ready: InboundChunk[] = [];
  private file: OpenFile | null = null;
  private pending = '';
  private pendingBytes = 0;
  private totalLines = 0;
  private finished = false;

  constructor(options: InboundWriterOptions) {
    const maxFileBytes = options.maxFileBytes ?? INBOUND_DEFAULT_FILE_BYTES;
    if (maxFileBytes > INBOUND_MAX_FILE_BYTES || maxFileBytes <= INBOUND_MAX_LINE_BYTES) {
      throw DomainError.invalid(`maxFileBytes must be above ${INBOUND_MAX_LINE_BYTES} and at most 5 GiB`);
    }
    this.options = {
      mode: 'sync',
      gzip: true,
      gzipLevel: constants.Z_BEST_SPEED,
      blockBytes: 4 * 1024 ** 2,
      ...options,
      maxFileBytes,
      targetDpid: options.targetDpid ?? null,
    };
  }

  /** The delivery name shared by the files, the control file and the receipt. */
  get deliveryName(): string {
    return inboundDeliveryName(this.options);
  }

  /** Adds one user with its traits; a line that would pass 102,400 bytes is split over several lines. */
  add(userId: string, traitIds: readonly string[]): void {
    if (this.finished) throw new Error('InboundFileSetWriter.add called after finish');
    const line =
      traitIds.length === 1 ? `${userId}\td_sid=${traitIds[0] ?? ''}\n` : this.joined(userId, traitIds);
    const bytes = Buffer.byteLength(line);
    if (bytes - 1 <= INBOUND_MAX_LINE_BYTES) {
      this.append(line, bytes);
      return;
    }
    this.addSplitLine(userId, traitIds);
  }

  /** Takes the chunks completed so far; store them in order before taking more. */
  takeChunks(): InboundChunk[] {
    return this.ready.splice(0, this.ready.length);
  }

  /** Closes the last file and returns the delivery's measurements and control file; take the last chunks after. */
  finish(): InboundFileSet {
    if (!this.finished) {
      this.closeFile();
      this.finished = true;
    }
    const deliveryName = this.deliveryName;
    return {
      deliveryName,
      files: this.entries,
      control: controlFileFromEntries(deliveryName, this.entries),
      lineCount: this.totalLines,
    };
  }

  private joined(userId: string, traitIds: readonly string[]): string {
    if (traitIds.length === 0) throw DomainError.invalid(`user ${userId.slice(0, 40)} has no trait to send`);
    return `${userId}\t${traitIds.map((id) => `d_sid=${id}`).join(',')}\n`;
  }

  private addSplitLine(userId: string, traitIds: readonly string[]): void {
    if (this.options.mode === 'overwrite') {
      throw DomainError.invalid(
        'an overwrite line may not pass 102,400 bytes: AAM would keep only part of it',
      );
    }
    const budget = INBOUND_MAX_LINE_BYTES - Buffer.byteLength(userId) - 1;
    let tokens: string[] = [];
    let used = 0;
    for (const id of traitIds) {
      const token = `d_sid=${id}`;
      const size = Buffer.byteLength(token) + (tokens.length === 0 ? 0 : 1);
      if (size > budget)
        throw DomainError.invalid(`a trait token for user ${userId.slice(0, 40)} is too long`);
      if (used + size > budget) {
        this.add(
          userId,
          tokens.map((t) => t.slice(6)),
        );
        tokens = [];
        used = 0;
      }
      used += Buffer.byteLength(token) + (tokens.length === 0 ? 0 : 1);
      tokens.push(token);
    }
    this.add(
      userId,
      tokens.map((t) => t.slice(6)),
    );
  }

  private append(line: string, bytes: number): void {
    const file = this.file ?? this.openFile();
    if (file.contentBytes + this.pendingBytes + bytes > this.options.maxFileBytes) {
      this.closeFile();
      this.append(line, bytes);
      return;
    }
    this.pending += line;
    this.pendingBytes += bytes;
    file.lines += 1;
    this.totalLines += 1;
    if (this.pendingBytes >= this.options.blockBytes) this.flushBlock();
  }

  private openFile(): OpenFile {
    const name = formatInboundFileName({
      ...this.options,
      split: this.entries.length + 1,
    });
    this.file = { name, md5: createHash('md5'), storedBytes: 0, contentBytes: 0, lines: 0 };
    return this.file;
  }

  private flushBlock(): void {
    const file = this.file;
    if (file === null || this.pendingBytes === 0) return;
    const content = Buffer.from(this.pending, 'utf8');
    const stored = this.options.gzip ? gzipSync(content, { level: this.options.gzipLevel }) : content;
    file.md5.update(stored);
    file.storedBytes += stored.length;
    file.contentBytes += content.length;
    this.ready.push({ fileName: file.name, bytes: stored });
    this.pending = '';
    this.pendingBytes = 0;
  }

  private closeFile(): void {
    this.flushBlock();
    const file = this.file;
    if (file === null) return;
    this.entries.push({
      FileByteSize: file.storedBytes,
      FileLineCount: file.lines,
      FileName: file.name,
      FileSequenceNumber: this.entries.length + 1,
      md5: file.md5.digest('hex'),
    });
    this.file = null;
  }
}
