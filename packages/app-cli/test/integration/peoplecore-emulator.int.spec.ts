import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createPeopleCore, type PeopleCore } from '@audience-bridge/adapters-peoplecore';
import { DomainError } from '@audience-bridge/domain';
import { startEmulator, type RunningEmulator } from '@audience-bridge/peoplecore-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Rig {
  readonly emulator: RunningEmulator;
  readonly peopleCore: PeopleCore;
  readonly exchange: string;
}

/** Starts the emulator on loopback and builds the adapters against it over real HTTP and real files. */
async function startRig(): Promise<Rig> {
  const exchange = await mkdtemp(join(tmpdir(), 'ab-emulator-'));
  const emulator = await startEmulator({
    exchangeDir: exchange,
    port: 0,
    seed: 3,
    population: { size: 400 },
  });
  const peopleCore = createPeopleCore({
    restUrl: emulator.url,
    imsUrl: emulator.url,
    clientId: 'audience-bridge',
    clientSecret: 'emulator-secret',
    exchange,
    pageSize: 2,
    resilience: { initialBackoffMs: 10, maxBackoffMs: 100, retries: 8 },
  });
  return { emulator, peopleCore, exchange };
}

async function members(rig: Rig, sid: number, kind: string): Promise<string[]> {
  const source = rig.emulator.population.dataSources.find((candidate) => candidate.kind === kind);
  if (source === undefined) throw new Error(`no ${kind} data source in the population`);
  const snapshot = await rig.peopleCore.source.snapshot(String(sid), source.shared);
  const all: string[] = [];
  for await (const batch of snapshot.batches(50)) all.push(...batch);
  return all.sort();
}

function dataSource(rig: Rig, kind: string): RunningEmulator['population']['dataSources'][number] {
  const found = rig.emulator.population.dataSources.find((source) => source.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} data source in the population`);
  return found;
}

function segmentOf(rig: Rig, kind: string): number {
  const found = rig.emulator.population.segments.find((segment) => segment.source.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} segment in the population`);
  return found.sid;
}

describe('People core adapters against the emulator (loopback HTTP, real files)', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig.emulator.close();
    await rm(rig.exchange, { recursive: true, force: true });
  });

  it('should import a full delivery, split and gzipped, exactly', async () => {
    const sid = segmentOf(rig, 'visitor');

    await rig.emulator.admin.deliver(dataSource(rig, 'visitor').destinationId, {
      mode: 'full',
      gzip: true,
      maxLinesPerFile: 17,
    });

    expect(await members(rig, sid, 'visitor')).toEqual(rig.emulator.admin.members(sid).sort());
  });

  it('should apply iter deliveries on top of the full one', async () => {
    const sid = segmentOf(rig, 'visitor');
    const destination = dataSource(rig, 'visitor').destinationId;
    const outsider = '12345678901234567890123456789012345678';

    rig.emulator.admin.removeMembers(sid, rig.emulator.admin.members(sid).slice(0, 5));
    rig.emulator.admin.addMembers(sid, [outsider]);
    await rig.emulator.admin.deliver(destination, { mode: 'iter', gzip: true });
    rig.emulator.admin.removeMembers(sid, [outsider]);
    await rig.emulator.admin.deliver(destination, { mode: 'iter' });

    expect(await members(rig, sid, 'visitor')).toEqual(rig.emulator.admin.members(sid).sort());
  });

  it('should refuse a truncated delivery with a clear error, importing nothing', async () => {
    const crm = dataSource(rig, 'crmId');
    const sid = segmentOf(rig, 'crmId');

    const delivery = await rig.emulator.admin.deliver(crm.destinationId, {
      mode: 'full',
      gzip: true,
      faults: ['truncate'],
    });
    const error: unknown = await rig.peopleCore.source
      .snapshot(String(sid), crm.shared)
      .catch((caught: unknown) => caught);

    expect(delivery.faults).toEqual(['truncate']);
    expect(DomainError.is(error, 'PEOPLECORE.FILE_INVALID')).toBe(true);
    expect(String(error)).toContain(delivery.fileKeys[0] ?? 'a file key');
    expect(String(error)).toMatch(/Nothing was imported; ask People core to redeliver/);
  });

  it('should list, create and export with 20% errors, 429s and latency, ending exact', async () => {
    const visitor = dataSource(rig, 'visitor');
    const { catalog, sink } = rig.peopleCore;
    rig.emulator.admin.setFaults({
      errorRate: 0.2,
      throttleRate: 0.15,
      retryAfterSeconds: 1,
      latencyMs: 5,
      jitterMs: 10,
    });
    const before = rig.emulator.admin.snapshot().faultCounters;

    const created = await catalog.createSegment({
      name: 'Exported from campaign',
      dataSourceId: visitor.dataSourceId,
    });
    const listings = [await catalog.list(), await catalog.list(), await catalog.list()];
    const exported = rig.emulator.admin.members(segmentOf(rig, 'visitor')).slice(0, 40);
    const session = await sink.begin(
      { sharedAudienceId: created.id, dataSource: visitor.shared },
      'export-run-1',
    );
    await session.add(exported.slice(0, 25));
    await session.add(exported.slice(25));
    const receipt = await session.finish();
    const statusBefore = await sink.status('export-run-1');
    const catalogRead = await catalog.get(created.id);
    await rig.emulator.admin.ingest();
    const after = rig.emulator.admin.snapshot().faultCounters;
    rig.emulator.admin.setFaults({ errorRate: 0, throttleRate: 0, latencyMs: 0, jitterMs: 0 });

    const listed = listings[2] ?? [];
    expect(listings[0]).toEqual(listed);
    expect(listed.filter((item) => item.id === created.id)).toEqual([created]);
    expect(listed.filter((item) => item.kind === 'segment').length).toBe(
      rig.emulator.population.segments.length + 1,
    );
    expect(catalogRead).toEqual(created);
    expect(after.errors - before.errors).toBeGreaterThan(0);
    expect(after.throttled - before.throttled).toBeGreaterThan(0);
    expect(receipt.records).toBe(40);
    expect(statusBefore).toBe('delivered');
    expect(await sink.status('export-run-1')).toBe('processed');
    expect(rig.emulator.admin.members(Number(created.id)).sort()).toEqual([...exported].sort());
  });

  it('should bring the export back through the next full delivery', async () => {
    const created = (await rig.peopleCore.catalog.list()).find(
      (item) => item.name === 'Exported from campaign',
    );
    const sid = Number(created?.id);

    await rig.emulator.admin.deliver(dataSource(rig, 'visitor').destinationId, { mode: 'full', gzip: true });
    const imported = await members(rig, sid, 'visitor');

    expect(imported).toEqual(rig.emulator.admin.members(sid).sort());
    expect(imported.length).toBe(40);
  });
});
