import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ExchangeLayout, parseInboundReceipt } from '@audience-bridge/adapters-peoplecore/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { userIdFor } from '../population/userIdFor.js';
import { membersIn, readDelivery } from '../../test/readDelivery.js';
import { startTestEmulator, type TestEmulator } from '../../test/startTestEmulator.js';
import { writeInbound } from '../../test/writeInbound.js';

const AES_DPID = 163402;
const VISITOR_DPID = 163401;
const T0 = 1_760_000_000;

describe('inbound ingestion', () => {
  let test: TestEmulator;
  let exportSid: number;

  beforeAll(async () => {
    test = await startTestEmulator({ seed: 8, population: { size: 150 } });
    const token = await test.emulator.mintToken();
    const response = await fetch(`${test.emulator.url}/v1/segments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'x-api-key': 'audience-bridge',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'Campaign export',
        segmentRule: '10002T',
        folderId: 0,
        dataSourceId: AES_DPID,
        mergeRuleDataSourceId: AES_DPID,
      }),
    });
    exportSid = ((await response.json()) as { sid: number }).sid;
  });
  afterAll(() => test.stop());

  it('should bring an exported population back in the next outbound delivery (round trip)', async () => {
    const source = test.emulator.population.dataSources.find(
      (candidate) => candidate.dataSourceId === AES_DPID,
    )!;
    const exported = test.emulator.population.people.slice(10, 60).map((person) => userIdFor(person, source));
    const name = await writeInbound(
      test.dir,
      { dpid: AES_DPID, timestampSec: T0, gzip: true },
      exported.map((id) => [id, [String(exportSid)]]),
    );

    const receipts = await test.emulator.admin.ingest();
    const delivery = await test.emulator.admin.deliver(source.destinationId, { mode: 'full' });
    const read = await readDelivery(test.dir, delivery);
    const stored = parseInboundReceipt(
      await readFile(join(test.dir, ExchangeLayout.receiptKey(name)), 'utf8'),
    );

    expect(receipts).toHaveLength(1);
    expect(stored).toMatchObject({
      deliveryName: name,
      status: 'processed',
      recordsReceived: 50,
      recordsProcessed: 50,
      formatErrors: 0,
      realizedTraits: 50,
    });
    expect(membersIn(read.lines, exportSid).sort()).toEqual([...exported].sort());
  });

  it('should not process a delivery twice', async () => {
    const again = await test.emulator.admin.ingest();

    expect(again).toEqual([]);
  });

  it('should count bad lines, invalid IDs and foreign SIDs without failing the delivery', async () => {
    const visitorSid = test.emulator.population.segments[0]!.sid;
    const ecid = test.emulator.population.people[0]!.ecid;
    const lines = ['no-tab-here', `12345\td_sid=${visitorSid}`, `${ecid}\td_sid=${exportSid}`];

    await writeInbound(
      test.dir,
      { dpid: VISITOR_DPID, timestampSec: T0 + 1 },
      [[ecid, [String(visitorSid)]]],
      lines,
    );
    const [receipt] = await test.emulator.admin.ingest();

    expect(receipt).toMatchObject({
      status: 'processed',
      recordsReceived: 4,
      formatErrors: 1,
      invalidIds: 1,
      recordsProcessed: 2,
      traitsFailedValidation: 1,
      noTraitRealized: 1,
    });
  });

  it('should remove with d_unsid and replace with overwrite', async () => {
    const [kept, removed] = test.emulator.admin.members(exportSid);
    const lines = [`${removed}\td_unsid=${exportSid}`];
    await writeInbound(
      test.dir,
      { dpid: AES_DPID, timestampSec: T0 + 2 },
      [[kept!, [String(exportSid)]]],
      lines,
    );
    await test.emulator.admin.ingest();
    const afterRemove = test.emulator.admin.members(exportSid);

    const otherSid = test.emulator.population.segments[1]!.sid;
    await writeInbound(test.dir, { dpid: AES_DPID, timestampSec: T0 + 3, mode: 'overwrite' }, [
      [kept!, [String(otherSid)]],
    ]);
    await test.emulator.admin.ingest();

    expect(afterRemove).not.toContain(removed);
    expect(test.emulator.admin.members(exportSid)).not.toContain(kept);
    expect(test.emulator.admin.members(otherSid)).toContain(kept);
  });

  it('should refuse a delivery whose files do not match the control file, applying nothing', async () => {
    const newcomer = 'f'.repeat(32);
    const name = await writeInbound(test.dir, { dpid: AES_DPID, timestampSec: T0 + 4 }, [
      [newcomer, [String(exportSid)]],
    ]);
    const file = join(test.dir, ExchangeLayout.inboundKey(new Date((T0 + 4) * 1000), `${name}.sync.1`));
    await writeFile(file, (await readFile(file, 'utf8')).replace(newcomer, 'e'.repeat(32)));

    const [receipt] = await test.emulator.admin.ingest();

    expect(receipt).toMatchObject({ status: 'failed', recordsProcessed: 0 });
    expect(receipt?.reason).toMatch(/md5/);
    expect(test.emulator.admin.members(exportSid)).not.toContain('e'.repeat(32));
  });

  it('should ingest through the admin endpoint too', async () => {
    await writeInbound(test.dir, { dpid: AES_DPID, timestampSec: T0 + 5 }, [['abc123', [String(exportSid)]]]);

    const response = await fetch(`${test.emulator.url}/emulator/ingest`, { method: 'POST' });
    const body = (await response.json()) as { receipts: { status: string }[] };

    expect(body.receipts).toMatchObject([{ status: 'processed' }]);
    expect(test.emulator.admin.members(exportSid)).toContain('abc123');
  });
});
