import { DomainError } from '@audience-bridge/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulatorRig, type EmulatorRig } from './support/emulator.js';

async function members(rig: EmulatorRig, sid: number, dataSourceKind: string): Promise<string[]> {
  const source = rig.emulator.population.dataSources.find((candidate) => candidate.kind === dataSourceKind)!;
  const snapshot = await rig.peopleCore.source.snapshot(String(sid), source.shared);
  const all: string[] = [];
  for await (const batch of snapshot.batches(50)) all.push(...batch);
  return all.sort();
}

describe('People core adapters against the emulator (loopback HTTP, real files)', () => {
  let rig: EmulatorRig;

  beforeAll(async () => {
    rig = await startEmulatorRig();
  });
  afterAll(() => rig.stop());

  const visitor = () => rig.emulator.population.dataSources.find((source) => source.kind === 'visitor')!;
  const visitorSegment = () =>
    rig.emulator.population.segments.find((segment) => segment.source.kind === 'visitor')!;

  it('should import a full delivery, split and gzipped, exactly', async () => {
    const sid = visitorSegment().sid;
    await rig.emulator.admin.deliver(visitor().destinationId, {
      mode: 'full',
      gzip: true,
      maxLinesPerFile: 17,
    });

    expect(await members(rig, sid, 'visitor')).toEqual(rig.emulator.admin.members(sid).sort());
  });

  it('should apply iter deliveries on top of the full one', async () => {
    const sid = visitorSegment().sid;
    const current = rig.emulator.admin.members(sid);
    rig.emulator.admin.removeMembers(sid, current.slice(0, 5));
    rig.emulator.admin.addMembers(sid, ['12345678901234567890123456789012345678']);
    await rig.emulator.admin.deliver(visitor().destinationId, { mode: 'iter', gzip: true });
    rig.emulator.admin.removeMembers(sid, ['12345678901234567890123456789012345678']);
    await rig.emulator.admin.deliver(visitor().destinationId, { mode: 'iter' });

    expect(await members(rig, sid, 'visitor')).toEqual(rig.emulator.admin.members(sid).sort());
  });

  it('should refuse a truncated delivery with a clear error, importing nothing', async () => {
    const crm = rig.emulator.population.dataSources.find((source) => source.kind === 'crmId')!;
    const sid = rig.emulator.population.segments.find((segment) => segment.source.kind === 'crmId')!.sid;
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
    expect((error as Error).message).toContain(delivery.fileKeys[0]!);
    expect((error as Error).message).toMatch(/Nothing was imported; ask People core to redeliver/);
  });

  it('should list, create and export with 20% errors, 429s and latency, ending exact', async () => {
    rig.emulator.admin.setFaults({
      errorRate: 0.2,
      throttleRate: 0.15,
      retryAfterSeconds: 1,
      latencyMs: 5,
      jitterMs: 10,
    });
    const before = rig.emulator.admin.snapshot().faultCounters;
    const { catalog, sink } = rig.peopleCore;

    const created = await catalog.createSegment({
      name: 'Exported from campaign',
      dataSourceId: visitor().dataSourceId,
    });
    const listings = [await catalog.list(), await catalog.list(), await catalog.list()];
    const listed = listings[2]!;
    const exported = rig.emulator.admin.members(visitorSegment().sid).slice(0, 40);
    const session = await sink.begin(
      { sharedAudienceId: created.id, dataSource: visitor().shared },
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
    const sid = Number(
      (await rig.peopleCore.catalog.list()).find((item) => item.name === 'Exported from campaign')!.id,
    );
    await rig.emulator.admin.deliver(visitor().destinationId, { mode: 'full', gzip: true });

    expect(await members(rig, sid, 'visitor')).toEqual(rig.emulator.admin.members(sid).sort());
    expect((await members(rig, sid, 'visitor')).length).toBe(40);
  });
});
