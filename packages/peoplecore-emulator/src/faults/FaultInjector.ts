import { SeededRandom } from '../random/SeededRandom.js';
import { faultOptionsSchema, type FaultOptions, type FaultSettings, type FileFault } from './FaultOptions.js';

/** What happens to one HTTP call. */
export type CallFault = 'none' | 'error' | 'throttle' | 'drop';

/** How many faults were injected so far, by kind, for tests and the admin state. */
export interface FaultCounters {
  calls: number;
  errors: number;
  throttled: number;
  dropped: number;
  delayed: number;
  fileFaults: number;
}

/** Draws faults from the current settings with a seeded generator: the same seed, the same faults. */
export class FaultInjector {
  private current: FaultSettings;
  private readonly random: SeededRandom;
  readonly counters: FaultCounters = {
    calls: 0,
    errors: 0,
    throttled: 0,
    dropped: 0,
    delayed: 0,
    fileFaults: 0,
  };

  constructor(seed: number, options: FaultOptions = {}) {
    this.current = faultOptionsSchema.parse(options);
    this.random = SeededRandom.forLabel(seed, 'faults');
  }

  get settings(): FaultSettings {
    return this.current;
  }

  /** Changes some settings at runtime; the others keep their values. */
  update(options: FaultOptions): FaultSettings {
    this.current = faultOptionsSchema.parse({ ...this.current, ...options });

    return this.current;
  }

  /** Milliseconds to hold the next call: the latency, a jitter, and now and then a spike. */
  delayMs(): number {
    const { latencyMs, jitterMs, spikeRate, spikeMs } = this.current;
    const delay =
      latencyMs +
      (jitterMs > 0 ? this.random.nextInt(jitterMs + 1) : 0) +
      (this.random.chance(spikeRate) ? spikeMs : 0);
    if (delay > 0) this.counters.delayed += 1;

    return delay;
  }

  /** The fate of the next call; each kind has its own draw, so the rates are independent of each other. */
  nextCall(): CallFault {
    this.counters.calls += 1;
    const { dropRate, errorRate, throttleRate } = this.current;
    if (this.random.chance(dropRate)) return this.count('drop');
    if (this.random.chance(errorRate)) return this.count('error');
    if (this.random.chance(throttleRate)) return this.count('throttle');

    return 'none';
  }

  /** The file faults of the next delivery: the forced ones, plus those the rates draw. */
  nextDelivery(forced: readonly FileFault[] = []): FileFault[] {
    const { truncateRate, corruptRate, lyingControlRate } = this.current;
    const drawn: FileFault[] = [];
    if (this.random.chance(truncateRate)) drawn.push('truncate');
    if (this.random.chance(corruptRate)) drawn.push('corrupt');
    if (this.random.chance(lyingControlRate)) drawn.push('lyingControl');
    const faults = [...new Set([...forced, ...drawn])];
    if (faults.length > 0) this.counters.fileFaults += 1;

    return faults;
  }

  private count(fault: Exclude<CallFault, 'none'>): CallFault {
    if (fault === 'drop') this.counters.dropped += 1;
    if (fault === 'error') this.counters.errors += 1;
    if (fault === 'throttle') this.counters.throttled += 1;

    return fault;
  }
}
