import { resilienceSettingsSchema, type ResilienceSettings } from '../../src/http/ResilienceSettings.js';

/** Fast resilience settings for tests. */
export const fastSettings = (overrides: Partial<ResilienceSettings> = {}): ResilienceSettings =>
  resilienceSettingsSchema.parse({
    attemptTimeoutMs: 2000,
    retries: 6,
    initialBackoffMs: 5,
    maxBackoffMs: 40,
    ...overrides,
  });
