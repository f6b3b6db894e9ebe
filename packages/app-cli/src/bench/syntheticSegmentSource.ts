import type { IdGenerator, SegmentSource } from '@audience-bridge/domain';

import { segmentIds } from './synthetic.js';

async function* batchesOf(total: number, batchSize: number): AsyncIterable<string[]> {
  for (let start = 0; start < total; start += batchSize) {
    yield await Promise.resolve(segmentIds(start, batchSize, total));
  }
}

/** A segment of `total` IDs computed batch by batch, so that the source itself holds no membership in memory. */
export function syntheticSegmentSource(total: number): SegmentSource {
  return {
    snapshot: () =>
      Promise.resolve({
        deliveryId: `bench-${total}`,
        batches: (batchSize: number) => batchesOf(total, batchSize),
      }),
  };
}

/** Ids unique within one process: the bench needs no randomness. */
export function counterIds(scope: string): IdGenerator {
  let next = 0;

  return {
    next: (prefix: string): string => {
      next += 1;

      return `${prefix}_${scope}_${next}`;
    },
  };
}
