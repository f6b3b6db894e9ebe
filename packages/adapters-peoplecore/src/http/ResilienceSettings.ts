import { z } from 'zod';

/** Timeouts, retries and circuit breaker for every call to People core (IMS and AAM REST). */
export const resilienceSettingsSchema = z.object({
  /** Per attempt, including reading the answer. */
  attemptTimeoutMs: z.number().int().positive().default(10_000),
  /** Retries after the first attempt on network errors, timeouts, 5xx and 429 without Retry-After. */
  retries: z.number().int().nonnegative().default(5),
  initialBackoffMs: z.number().int().positive().default(200),
  maxBackoffMs: z.number().int().positive().default(10_000),
  /** Consecutive failed attempts that open the circuit. */
  breakerThreshold: z.number().int().positive().default(10),
  /** How long an open circuit refuses calls before letting one through. */
  breakerHalfOpenAfterMs: z.number().int().positive().default(30_000),
  /** Longest Retry-After honoured; a longer one is waited for this long. */
  maxRetryAfterMs: z.number().int().nonnegative().default(60_000),
  /** Retry-After waits allowed per call; they are not failures and do not count as retries. */
  maxRetryAfterWaits: z.number().int().nonnegative().default(20),
});

/** Resolved resilience settings. */
export type ResilienceSettings = z.infer<typeof resilienceSettingsSchema>;

/** Settings given by configuration, every field optional. */
export type ResilienceInput = z.input<typeof resilienceSettingsSchema>;
