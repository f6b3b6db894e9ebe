import { expectedMembers, type FileFault } from '@audience-bridge/peoplecore-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sorted } from './support/crashRig.js';
import {
  currentMembers,
  deliver,
  expectedImport,
  openFaultRig,
  storedRun,
  syncOnce,
  type FaultRig,
} from './support/faultRig.js';
import { recordFigures, Tally } from './support/figures.js';
import { Rng } from './support/random.js';
import { bySize, reliabilitySeed } from './support/size.js';

const rounds = bySize(2, 8);
const httpFaults = {
  errorRate: 0.2,
  throttleRate: 0.1,
  retryAfterSeconds: 1,
  latencyMs: 2,
  jitterMs: 8,
  spikeRate: 0.05,
  spikeMs: 400,
  dropRate: 0.05,
};
const fileFaults: (FileFault | null)[] = [null, 'truncate', 'corrupt', 'lyingControl'];
const tally = new Tally();
const failures: string[] = [];
const rng = new Rng(reliabilitySeed() + 3);
let rig: FaultRig;

beforeAll(async () => {
  rig = await openFaultRig(httpFaults, bySize(1_500, 6_000), failures);
});

afterAll(async () => {
  const counters = rig.emulator.admin.snapshot().faultCounters;
  await rig.close();
  recordFigures({
    suite: 'People core faults',
    figures: {
      'HTTP calls': counters.calls,
      'HTTP 500 injected': counters.errors,
      'HTTP 429 injected': counters.throttled,
      'connections dropped': counters.dropped,
      'calls delayed': counters.delayed,
      'file faults injected': counters.fileFaults,
      ...tally.toRecord(),
    },
    lost: tally.get('corrupt deliveries imported'),
  });
});

/** Expects a failed run's reason to be one line naming its code. */
function expectClearFailure(error: string | null, code: RegExp): void {
  expect(error).toMatch(code);
  expect(error?.includes('\n')).toBe(false);
  failures.push(error ?? '');
}

describe('runs against a People core that fails', () => {
  it(
    `having 20% errors, 429s, latency spikes and drops, when ${rounds} rounds of listing, imports with bad files and exports run, then each ends exact or fails clearly and a rerun is exact`,
    async () => {
      const original = new Map(
        rig.emulator.population.segments.map((segment) => [segment.sid, expectedMembers(segment).userIds]),
      );
      for (let round = 0; round < rounds; round += 1) {
        for (let listing = 0; listing < bySize(8, 25); listing += 1) await listUnderFaults();
        for (const [index, entry] of rig.imports.entries()) {
          const fault = fileFaults[(round + index) % fileFaults.length] ?? null;
          const ids = original.get(entry.sid) ?? [];
          rig.emulator.admin.setSegment(
            entry.sid,
            rng.sample(ids, rng.int(Math.floor(ids.length / 2), ids.length)),
          );
          await importThroughFault(entry, fault);
        }
        await exportUnderFaults(round);
      }

      expect(tally.get('runs exact under HTTP faults')).toBeGreaterThan(0);
      expect(tally.get('bad deliveries refused')).toBe((rounds * rig.imports.length * 3) / 4);
    },
    bySize(120_000, 1_200_000),
  );
});

async function listUnderFaults(): Promise<void> {
  const org = rig.emulator.admin.snapshot().orgs.find((entry) => entry.orgId === rig.principal.orgId);
  const listed = await rig.context.useCases.sharedAudiences.execute(rig.principal, {});
  if (!listed.ok) {
    expectClearFailure(`${listed.error.code}: ${listed.error.message}`, /^PEOPLECORE\./);
    tally.add('listings failed clearly');
    return;
  }
  expect(listed.value.length).toBe((org?.segments.length ?? -1) + (org?.traits.length ?? 0));
  tally.add('listings exact under HTTP faults');
}

async function importThroughFault(
  entry: FaultRig['imports'][number],
  fault: FileFault | null,
): Promise<void> {
  const before = await currentMembers(rig, entry.audienceId);
  const expected = expectedImport(rig, entry.source, entry.sid);
  const injected = await deliver(rig, entry.source, fault);
  const { run, members } = await syncOnce(rig, entry.audienceId);
  if (fault !== null) {
    expect(injected).toEqual([fault]);
    expect(run.status).toBe('failed');
    expectClearFailure(run.error, /^PEOPLECORE\.FILE_INVALID: /);
    tally.add('bad deliveries refused');
    if (members.join() !== before.join()) tally.add('corrupt deliveries imported');
    expect(members).toEqual(before);
    await deliver(rig, entry.source, null);
    const rerun = await syncOnce(rig, entry.audienceId);
    expect(rerun.members).toEqual(expected);
    tally.add('reruns exact after a bad delivery');
    return;
  }
  expect(run.status).toBe('succeeded');
  expect(members).toEqual(expected);
  tally.add('runs exact under HTTP faults');
}

async function exportUnderFaults(round: number): Promise<void> {
  const visitor = rig.emulator.population.dataSources.find((source) => source.kind === 'visitor');
  const name = `faults export ${round}`;
  const document = {
    name,
    activities: [
      { id: 'everyone', type: 'query', filter: { field: 'visitorId', op: 'exists' } },
      {
        id: 'share',
        type: 'saveAudience',
        input: 'everyone',
        share: {
          target: { createSegment: { name } },
          dataSourceId: visitor?.shared.id,
          outboundTransition: false,
        },
      },
    ],
  };
  const run = await storedRun(
    rig,
    await rig.context.useCases.runWorkflow.execute(rig.principal, { document }),
  );
  if (run.status === 'failed') {
    expectClearFailure(run.error, /^[A-Z_]+\.[A-Z_]+: /);
    rig.emulator.admin.setFaults({ errorRate: 0, throttleRate: 0, dropRate: 0, spikeRate: 0 });
    const rerun = await rig.context.useCases.runWorkflow.execute(rig.principal, { document });
    rig.emulator.admin.setFaults(httpFaults);
    expect(rerun.ok && rerun.value.status).toBe('succeeded');
    tally.add('exports failed clearly, rerun exact');
  } else {
    expect(run.status).toBe('succeeded');
    tally.add('runs exact under HTTP faults');
  }
  await rig.emulator.admin.ingest();
  const segment = rig.emulator.admin
    .snapshot()
    .orgs.flatMap((org) => org.segments)
    .find((entry) => entry.name === name);
  const expected = sorted(
    rig.profiles.flatMap((profile) => (profile.visitorId === null ? [] : [profile.visitorId])),
  );
  expect(sorted(rig.emulator.admin.members(segment?.sid ?? -1))).toEqual(expected);
}
