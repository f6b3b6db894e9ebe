import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestEmulator, type TestEmulator } from '../../test/startTestEmulator.js';

const CALLS = 300;

async function outcomes(url: string): Promise<(number | 'dropped')[]> {
  const results: (number | 'dropped')[] = [];
  for (let call = 0; call < CALLS; call++) {
    try {
      results.push((await fetch(`${url}/ims/keys`)).status);
    } catch {
      results.push('dropped');
    }
  }

  return results;
}

const share = (results: readonly unknown[], value: unknown): number =>
  results.filter((result) => result === value).length / results.length;

describe('fault injection', () => {
  let test: TestEmulator;

  beforeAll(async () => {
    test = await startTestEmulator({
      seed: 5,
      faults: { errorRate: 0.2, throttleRate: 0.1, retryAfterSeconds: 3 },
    });
  });
  afterAll(() => test.stop());

  it('should answer 500 and 429 at roughly the configured rates', async () => {
    const results = await outcomes(test.emulator.url);

    expect(share(results, 500)).toBeGreaterThan(0.13);
    expect(share(results, 500)).toBeLessThan(0.27);
    // Throttling is drawn only for calls not already failed: 0.1 × 0.8 of them.
    expect(share(results, 429)).toBeGreaterThan(0.04);
    expect(share(results, 429)).toBeLessThan(0.13);
  });

  it('should say when to retry a throttled call', async () => {
    test.emulator.admin.setFaults({ errorRate: 0, throttleRate: 1 });

    const response = await fetch(`${test.emulator.url}/ims/keys`);

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
  });

  it('should drop connections at roughly the configured rate', async () => {
    test.emulator.admin.setFaults({ throttleRate: 0, dropRate: 0.25 });

    const results = await outcomes(test.emulator.url);

    expect(share(results, 'dropped')).toBeGreaterThan(0.17);
    expect(share(results, 'dropped')).toBeLessThan(0.33);
    expect(share(results, 200)).toBeCloseTo(1 - share(results, 'dropped'), 5);
  });

  it('should delay calls by the configured latency', async () => {
    test.emulator.admin.setFaults({ dropRate: 0, latencyMs: 120, jitterMs: 30 });

    const started = performance.now();
    await fetch(`${test.emulator.url}/ims/keys`);
    const elapsed = performance.now() - started;

    expect(elapsed).toBeGreaterThanOrEqual(115);
  });

  it('should never fault the admin endpoints, and change faults through them', async () => {
    test.emulator.admin.setFaults({ latencyMs: 0, jitterMs: 0, errorRate: 1 });

    const state = await fetch(`${test.emulator.url}/emulator/state`);
    const patched = await fetch(`${test.emulator.url}/emulator/faults`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 0 }),
    });
    const keys = await fetch(`${test.emulator.url}/ims/keys`);
    const invalid = await fetch(`${test.emulator.url}/emulator/faults`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 2 }),
    });

    expect(state.status).toBe(200);
    expect(patched.status).toBe(200);
    expect(keys.status).toBe(200);
    expect(invalid.status).toBe(400);
  });

  it('should fault deliveries at the configured file-fault rates', async () => {
    test.emulator.admin.setFaults({ errorRate: 0, truncateRate: 0.5 });
    const destination = test.emulator.population.dataSources[0]!.destinationId;

    const deliveries = [];
    for (let index = 0; index < 40; index++)
      deliveries.push(await test.emulator.admin.deliver(destination, { mode: 'full' }));
    const truncated = deliveries.filter((delivery) => delivery.faults.includes('truncate')).length;

    expect(truncated).toBeGreaterThan(10);
    expect(truncated).toBeLessThan(30);
  });
});
