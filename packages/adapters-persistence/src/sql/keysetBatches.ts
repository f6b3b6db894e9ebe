/**
 * Streams an ordered result in bounded batches by keyset pagination: each query starts after the last
 * key seen, so memory stays flat and no OFFSET scan grows with the position.
 */
export async function* keysetBatches<T>(
  fetch: (after: string | null, limit: number) => Promise<T[]>,
  keyOf: (item: T) => string,
  batchSize: number,
): AsyncIterable<T[]> {
  const limit = Math.max(1, Math.floor(batchSize));
  let after: string | null = null;
  for (;;) {
    const batch = await fetch(after, limit);
    if (batch.length > 0) yield batch;
    if (batch.length < limit) return;

    const last = batch[batch.length - 1];
    if (last === undefined) return;
    after = keyOf(last);
  }
}
