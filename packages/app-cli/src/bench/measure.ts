/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) throw new RangeError('median of no values');

  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Wall-clock seconds of one async call, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const result = await work();

  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Wall-clock seconds of one synchronous call, with its result. */
export function timedSync<T>(work: () => T): { result: T; seconds: number } {
  const start = process.hrtime.bigint();
  const result = work();

  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Runs `work` `repetitions` times (after the caller's warm-up) and keeps every run's seconds. */
export async function repeatTimed<T>(
  repetitions: number,
  work: (repetition: number) => Promise<T>,
): Promise<{ seconds: number[]; last: T }> {
  const seconds: number[] = [];
  let last: T | undefined;
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const run = await timed(() => work(repetition));
    seconds.push(run.seconds);
    last = run.result;
  }
  if (last === undefined) throw new RangeError('repeatTimed needs at least one repetition');

  return { seconds, last };
}

/** A short progress line on stderr, so that stdout keeps only the table (or the JSON). */
export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
