import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

import type { SegmentSnapshot } from '@audience-bridge/domain';

import { parseOutboundLine } from '../formats/index.js';
import { fileInvalid } from '../exchange/findOutboundDeliveries.js';
import { readLines } from '../exchange/readLines.js';
import type { ExchangeStorage } from '../storage/ExchangeStorage.js';
import type { IterState } from './IterState.js';
import { recordProblem, type SnapshotProblems } from './SnapshotProblems.js';

/**
 * The members of one segment in a verified delivery: the full files' users in the segment whom no
 * later iter line decided, then the users iter lines put in. `problems` is complete once `batches` ends.
 */
export class AamSegmentSnapshot implements SegmentSnapshot {
  readonly problems: SnapshotProblems = { malformedLines: 0, samples: [] };

  constructor(
    readonly deliveryId: string,
    private readonly storage: ExchangeStorage,
    private readonly fullFileKeys: readonly string[],
    private readonly segmentId: string,
    private readonly iter: IterState,
    iterProblems: SnapshotProblems,
  ) {
    this.problems.malformedLines = iterProblems.malformedLines;
    this.problems.samples.push(...iterProblems.samples);
  }

  async *batches(batchSize: number): AsyncIterable<string[]> {
    const size = Math.max(1, Math.floor(batchSize));
    let batch: string[] = [];
    for await (const userId of this.members()) {
      batch.push(userId);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  private async *members(): AsyncGenerator<string> {
    for (const key of this.fullFileKeys) yield* this.fullMembers(key);
    yield* this.iter.members();
  }

  private async *fullMembers(key: string): AsyncGenerator<string> {
    const stored = await this.storage.getStream(key);
    if (stored === null) throw fileInvalid(key, 'the file disappeared after it was verified');
    const content = key.endsWith('.gz') ? Readable.from(stored).pipe(createGunzip()) : stored;
    const fileName = key.slice(key.lastIndexOf('/') + 1);
    let lineNumber = 1;
    for await (const lines of readLines(content)) {
      for (const text of lines) {
        const parsed = parseOutboundLine(text, lineNumber);
        lineNumber += 1;
        if (!parsed.ok) recordProblem(this.problems, fileName, parsed.reason);
        else if (parsed.value.segments.includes(this.segmentId) && !this.iter.decides(parsed.value.userId)) {
          yield parsed.value.userId;
        }
      }
    }
  }
}
