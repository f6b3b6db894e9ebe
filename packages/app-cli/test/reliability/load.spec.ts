import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openApiRig, type ApiRig } from './support/apiRig.js';
import { fireLoad } from './support/autocannon.js';
import { recordFigures } from './support/figures.js';
import { createImport } from './support/scenario.js';
import { bySize } from './support/size.js';

const seconds = bySize(10, 60);
const people = bySize(3_000, 20_000);
let rig: ApiRig;

beforeAll(async () => {
  const segments = [
    { name: 'Load visitors A', source: 'visitor' as const, size: Math.floor(people * 0.5) },
    { name: 'Load visitors B', source: 'visitor' as const, size: Math.floor(people * 0.4) },
  ];
  rig = await openApiRig({ size: people, rateLimit: false, segments });
});
afterAll(() => rig.close());

/** Syncs the imports over and over until told to stop; every sync must succeed. */
function importsInBackground(audienceIds: readonly string[]): { stop(): Promise<number> } {
  let stopping = false;
  let completed = 0;
  const loop = async (audienceId: string): Promise<void> => {
    while (!stopping) {
      const run = await rig.context.useCases.syncAudience.execute(rig.principal, { audienceId });
      if (!run.ok || run.value.status !== 'succeeded')
        throw new Error(`a sync under load failed: ${run.ok ? run.value.error : run.error.message}`);
      completed += 1;
    }
  };
  const running = Promise.all(audienceIds.map(loop));
  return {
    stop: async () => {
      stopping = true;
      await running;
      return completed;
    },
  };
}

describe('the API under load while imports run', () => {
  it(
    `serves 50 concurrent clients for ${seconds} s during two imports with no 5xx and no lost profile write`,
    async () => {
      const second = rig.emulator.population.segments.find((segment) => segment.name === 'Load visitors B');
      const audienceB = await createImport(rig.context, rig.principal, second?.sid ?? -1, rig.ids.dataSource);
      await rig.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(rig.app.server.address() as AddressInfo).port}`;
      const auth = { authorization: `Bearer ${await rig.emulator.mintToken()}` };
      const before = await rig.context.ports.profiles.count(rig.principal.orgId, {
        field: 'key',
        op: 'startsWith',
        value: 'load-',
      });

      const imports = importsInBackground([rig.ids.audience, audienceB]);
      const [writes, reads] = await Promise.all([
        fireLoad({
          url: `${base}/v1/profiles`,
          connections: 25,
          seconds,
          headers: { ...auth, 'content-type': 'application/json' },
          writeKeyPrefix: 'load-',
        }),
        fireLoad({ url: `${base}/v1/audiences`, connections: 25, seconds, headers: auth }),
      ]);
      const syncs = await imports.stop();
      const stored = await rig.context.ports.profiles.count(rig.principal.orgId, {
        field: 'key',
        op: 'startsWith',
        value: 'load-',
      });

      recordFigures({
        suite: 'load (autocannon, 50 clients)',
        figures: {
          seconds,
          'requests served': writes.requests.total + reads.requests.total,
          'profile writes acknowledged': writes['2xx'],
          'profile writes stored': stored - before,
          'read p99 ms': reads.latency.p99,
          'write p99 ms': writes.latency.p99,
          '5xx': writes['5xx'] + reads['5xx'],
          'imports completed during load': syncs,
        },
        lost: Math.max(0, writes['2xx'] - (stored - before)),
      });
      expect(writes['5xx'] + reads['5xx']).toBe(0);
      expect(writes.errors + reads.errors + writes.timeouts + reads.timeouts).toBe(0);
      expect(writes.non2xx + reads.non2xx).toBe(0);
      expect(writes['2xx']).toBeGreaterThan(0);
      // Every acknowledged write is stored; at most one request per connection was cut off unanswered at the end.
      expect(stored - before).toBeGreaterThanOrEqual(writes['2xx']);
      expect(stored - before).toBeLessThanOrEqual(writes['2xx'] + 25);
      expect(syncs).toBeGreaterThanOrEqual(2);
    },
    bySize(120_000, 600_000),
  );
});
