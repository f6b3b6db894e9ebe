const GOLDEN_GAMMA = 0x9e3779b9;

/** Mixes 32 bits so that consecutive counter values give unrelated outputs (a hash finaliser). */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;

  return h >>> 0;
}

/** Folds a label into a seed, so that each purpose draws from its own independent stream. */
function seedFor(seed: number, label: string): number {
  let h = mix32(seed ^ GOLDEN_GAMMA);
  for (let index = 0; index < label.length; index++)
    h = mix32(h ^ Math.imul(label.charCodeAt(index), 0x01000193));

  return h;
}

/**
 * A small deterministic generator (a Weyl counter through a hash finaliser): the same seed always
 * gives the same sequence, which keeps populations, file names and faults replayable.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = mix32(seed ^ GOLDEN_GAMMA);
  }

  /** A generator for one purpose, independent of how much this one has been used. */
  static forLabel(seed: number, label: string): SeededRandom {
    return new SeededRandom(seedFor(seed, label));
  }

  nextUint32(): number {
    this.state = (this.state + GOLDEN_GAMMA) >>> 0;

    return mix32(mix32(this.state) ^ (this.state >>> 7));
  }

  /** A float in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;

    return (high * 67108864 + low) / 9007199254740992;
  }

  /** An integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.nextFloat() * bound);
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return probability > 0 && this.nextFloat() < probability;
  }

  /** A non-negative integer that fits a signed 64-bit integer (0 ≤ n ≤ 2^63 − 1). */
  nextInt63(): bigint {
    const high = BigInt(this.nextUint32() & 0x7fffffff);

    return (high << 32n) | BigInt(this.nextUint32());
  }

  /** `count` random bytes as lower-case hex. */
  hex(count: number): string {
    let out = '';
    for (let index = 0; index < count; index++)
      out += (this.nextUint32() & 0xff).toString(16).padStart(2, '0');

    return out;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.nextInt(items.length)];
    if (item === undefined) throw new RangeError('SeededRandom.pick: no items to pick from');

    return item;
  }

  /** `count` distinct items chosen uniformly, in the order drawn (a partial Fisher–Yates shuffle). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const wanted = Math.min(count, pool.length);
    for (let index = 0; index < wanted; index++) {
      const swap = index + this.nextInt(pool.length - index);
      const chosen = pool[swap] as T;
      pool[swap] = pool[index] as T;
      pool[index] = chosen;
    }

    return pool.slice(0, wanted);
  }
}
