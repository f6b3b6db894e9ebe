import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import type { CreateSegmentBody } from '../rest/createSegmentBody.js';

/** One change to the emulator's state beyond its seeded population. */
export type JournalEntry =
  | {
      readonly op: 'createSegment';
      readonly orgId: string;
      readonly body: CreateSegmentBody;
      readonly time: number;
    }
  | {
      readonly op: 'membership';
      readonly action: 'add' | 'remove' | 'set';
      readonly sid: number;
      readonly userIds: readonly string[];
    }
  | { readonly op: 'ingested'; readonly folder: string; readonly deliveryName: string };

/**
 * An append-only record of what changed the emulator's state (segments created, membership changed,
 * inbound deliveries applied), so that an emulator restarted on the same exchange comes back as it was,
 * as a real service would. Without a file it records nothing.
 */
export class Journal {
  private constructor(private readonly path: string | null) {}

  static at(path: string | undefined): Journal {
    if (path !== undefined) mkdirSync(dirname(path), { recursive: true });

    return new Journal(path ?? null);
  }

  record(entry: JournalEntry): void {
    if (this.path !== null) appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
  }

  /** Every entry recorded so far, oldest first. */
  entries(): JournalEntry[] {
    if (this.path === null || !existsSync(this.path)) return [];

    return readFileSync(this.path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as JournalEntry);
  }
}
