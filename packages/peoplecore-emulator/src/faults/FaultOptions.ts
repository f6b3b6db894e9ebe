import { z } from 'zod';

const rate = z.number().min(0).max(1).default(0);
const millis = z.int().min(0).max(600_000).default(0);

/**
 * What goes wrong, and how often: HTTP faults hit the IMS and AAM REST endpoints (never the admin
 * endpoints); file faults hit outbound deliveries. Rates are fractions of calls or deliveries.
 */
export const faultOptionsSchema = z.strictObject({
  /** Fraction of calls answered 500. */
  errorRate: rate,
  /** Fraction of calls answered 429 with `Retry-After`. */
  throttleRate: rate,
  retryAfterSeconds: z.int().min(0).max(3600).default(1),
  /** Added to every call, plus up to `jitterMs` more. */
  latencyMs: millis,
  jitterMs: millis,
  /** Fraction of calls delayed by `spikeMs` on top of the latency. */
  spikeRate: rate,
  spikeMs: millis,
  /** Fraction of calls whose connection is destroyed without an answer. */
  dropRate: rate,
  /** Fraction of deliveries whose first data file is cut short after the control file was computed. */
  truncateRate: rate,
  /** Fraction of deliveries whose first data file has bytes flipped after the control file was computed. */
  corruptRate: rate,
  /** Fraction of deliveries whose control file states a wrong md5, size or line count. */
  lyingControlRate: rate,
});

/** Fault settings as given (every field optional). */
export type FaultOptions = z.input<typeof faultOptionsSchema>;

/** Fault settings with every default applied. */
export type FaultSettings = z.output<typeof faultOptionsSchema>;

/** A file fault forced on one delivery, whatever the configured rates. */
export type FileFault = 'truncate' | 'corrupt' | 'lyingControl';
