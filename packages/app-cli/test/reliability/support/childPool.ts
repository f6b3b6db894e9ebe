import type { ReadyChild } from './killChild.js';

/**
 * Children started ahead of their turn, `depth` at a time, so that their start-up (the costly part)
 * overlaps the kills and checks before them; `total` children are started in all.
 */
export class ChildPool {
  private readonly waiting: Promise<ReadyChild>[] = [];
  private started = 0;

  constructor(
    private readonly start: () => Promise<ReadyChild>,
    private readonly total: number,
    private readonly depth = 2,
  ) {
    this.fill();
  }

  /** The next ready child; starts another one in its place while any are left to start. */
  async take(): Promise<ReadyChild> {
    const next = this.waiting.shift();
    if (next === undefined) throw new Error('no crash child left in the pool');
    this.fill();
    return next;
  }

  private fill(): void {
    while (this.waiting.length < this.depth && this.started < this.total) {
      const child = this.start();
      child.catch(() => undefined);
      this.waiting.push(child);
      this.started += 1;
    }
  }
}
