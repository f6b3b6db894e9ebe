import { describe, expect, it } from 'vitest';

import { SeededRandom } from './SeededRandom.js';

describe('SeededRandom', () => {
  it('should repeat its sequence for the same seed and label', () => {
    const left = SeededRandom.forLabel(7, 'people');
    const right = SeededRandom.forLabel(7, 'people');

    const drawn = Array.from({ length: 50 }, () => [left.nextUint32(), right.nextUint32()]);

    expect(drawn.every(([a, b]) => a === b)).toBe(true);
  });

  it('should give different streams for different labels', () => {
    const people = SeededRandom.forLabel(7, 'people');
    const faults = SeededRandom.forLabel(7, 'faults');

    const same = Array.from({ length: 20 }, () => people.nextUint32() === faults.nextUint32()).filter(
      Boolean,
    );

    expect(same.length).toBeLessThan(2);
  });

  it('should stay in range and spread evenly', () => {
    const random = new SeededRandom(42);
    const buckets = new Array<number>(10).fill(0);

    for (let draw = 0; draw < 10_000; draw++) {
      const value = random.nextInt(10);
      buckets[value] = (buckets[value] ?? 0) + 1;
    }

    expect(buckets.every((count) => count > 850 && count < 1150)).toBe(true);
  });

  it('should sample distinct items and 63-bit integers', () => {
    const random = new SeededRandom(3);

    const sample = random.sample([...Array(100).keys()], 30);
    const big = Array.from({ length: 100 }, () => random.nextInt63());

    expect(new Set(sample).size).toBe(30);
    expect(big.every((value) => value >= 0n && value <= 9223372036854775807n)).toBe(true);
  });
});
