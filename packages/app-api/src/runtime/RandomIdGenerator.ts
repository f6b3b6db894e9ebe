import { randomBytes } from 'node:crypto';

import type { IdGenerator } from '@audience-bridge/domain';

/** Ids that sort by creation time and never collide across processes: prefix, time, randomness. */
export class RandomIdGenerator implements IdGenerator {
  next(prefix: string): string {
    const time = Date.now().toString(36).padStart(9, '0');

    return `${prefix}_${time}${randomBytes(6).toString('hex')}`;
  }
}
