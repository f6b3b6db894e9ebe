import type { Clock, IdGenerator } from '../ports/Runtime.js';

/** A clock that stands still until a test moves it, so that run times and durations are exact. */
export class FixedClock implements Clock {
  private current: number;

  constructor(start: Date = new Date('2026-01-01T00:00:00.000Z')) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(at: Date): void {
    this.current = at.getTime();
  }
}

/** Ids that are predictable in tests: the prefix, a dash and a counter shared by every prefix. */
export class SequentialIdGenerator implements IdGenerator {
  private counter = 0;

  next(prefix: string): string {
    this.counter += 1;

    return `${prefix}-${String(this.counter).padStart(6, '0')}`;
  }
}
