import fc from 'fast-check';

/** Cuts a list into consecutive batches at sorted cut points. */
export function cutAt<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), items.length];

  return bounds.slice(1).map((end, index) => items.slice(bounds[index] ?? 0, end));
}

/** Every way of splitting a list into non-empty consecutive batches (one batch when too short). */
export function batchSplitArb<T>(items: readonly T[]): fc.Arbitrary<T[][]> {
  if (items.length < 2) return fc.constant([[...items]]);

  return fc
    .uniqueArray(fc.integer({ min: 1, max: items.length - 1 }), { maxLength: Math.min(items.length - 1, 8) })
    .map((cuts) => cutAt(items, cuts));
}

/** A batch size, as the use cases' `batchSize` parameters take it. */
export const batchSizeArb: fc.Arbitrary<number> = fc.integer({ min: 1, max: 7 });
