import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { parseOutboundFileName } from '@audience-bridge/adapters-peoplecore/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectedMembers } from '../population/expectedMembers.js';
import { membersIn, readDelivery } from '../../test/readDelivery.js';
import { startTestEmulator, type TestEmulator } from '../../test/startTestEmulator.js';

const segments = [
  { name: 'Visitors A', source: 'visitor' as const, size: 30, malformed: 2 },
  { name: 'Visitors B', source: 'visitor' as const, size: 20 },
  { name: 'Encrypted', source: 'aesEmail' as const, size: 25 },
];

describe('outbound deliveries', () => {
  let test: TestEmulator;

  beforeAll(async () => {
    test = await startTestEmulator({ seed: 21, population: { size: 120, segments } });
  });
  afterAll(() => test.stop());

  it('should deliver every member of the destination segments, matching the control file', async () => {
    const [visitorsA, visitorsB] = test.emulator.population.segments;
    const destination = visitorsA!.source.destinationId;

    const delivery = await test.emulator.admin.deliver(destination, { mode: 'full' });
    const read = await readDelivery(test.dir, delivery);

    expect(read.mismatch).toBeNull();
    expect(delivery.faults).toEqual([]);
    expect(new Set(membersIn(read.lines, visitorsA!.sid))).toEqual(
      new Set(expectedMembers(visitorsA!).userIds),
    );
    expect(new Set(membersIn(read.lines, visitorsB!.sid))).toEqual(
      new Set(expectedMembers(visitorsB!).userIds),
    );
    expect(parseOutboundFileName(delivery.fileKeys[0]!.split('/').pop()!)).toMatchObject({
      destinationId: destination,
      masterDpid: 163401,
      mode: 'full',
      split: 1,
    });
  });

  it('should write the encrypted source with its ciphertexts, split and gzipped, the control file last', async () => {
    const encrypted = test.emulator.population.segments[2]!;
    const destination = encrypted.source.destinationId;

    const delivery = await test.emulator.admin.deliver(destination, {
      mode: 'full',
      gzip: true,
      maxLinesPerFile: 10,
    });
    const read = await readDelivery(test.dir, delivery);
    const names = await readdir(join(test.dir, 'outbound', String(destination)));

    expect(read.mismatch).toBeNull();
    expect(delivery.fileKeys).toHaveLength(3);
    expect(delivery.fileKeys.every((key) => key.endsWith('.sync.gz'))).toBe(true);
    expect(membersIn(read.lines, encrypted.sid).sort()).toEqual(
      [...expectedMembers(encrypted).userIds].sort(),
    );
    expect(names.filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('should deliver only the changes in iter mode, with the removed segments', async () => {
    const [visitorsA] = test.emulator.population.segments;
    const destination = visitorsA!.source.destinationId;
    const [leaving, staying] = expectedMembers(visitorsA!).userIds;
    const newcomer = test.emulator.population.people.find(
      (person) => !visitorsA!.members.includes(person),
    )!.ecid;
    await test.emulator.admin.deliver(destination, { mode: 'iter' });

    test.emulator.admin.removeMembers(visitorsA!.sid, [leaving!]);
    test.emulator.admin.addMembers(visitorsA!.sid, [newcomer]);
    const delivery = await test.emulator.admin.deliver(destination, { mode: 'iter' });
    const read = await readDelivery(test.dir, delivery);
    const quiet = await test.emulator.admin.deliver(destination, { mode: 'iter' });

    expect(read.mismatch).toBeNull();
    expect(read.lines.map((line) => line.userId).sort()).toEqual([leaving, newcomer].sort());
    expect(read.lines.find((line) => line.userId === leaving)?.removed).toContain(String(visitorsA!.sid));
    expect(read.lines.find((line) => line.userId === newcomer)?.segments).toContain(String(visitorsA!.sid));
    expect(read.lines.some((line) => line.userId === staying)).toBe(false);
    expect(quiet.lineCount).toBe(0);
  });

  it.each(['truncate', 'corrupt', 'lyingControl'] as const)(
    'should make a %s delivery fail its control file check',
    async (fault) => {
      const destination = test.emulator.population.segments[0]!.source.destinationId;

      const delivery = await test.emulator.admin.deliver(destination, { mode: 'full', faults: [fault] });
      const read = await readDelivery(test.dir, delivery);

      expect(delivery.faults).toEqual([fault]);
      expect(read.mismatch).not.toBeNull();
    },
  );

  it('should repeat the changes of a faulty iter delivery in the next one', async () => {
    const [visitorsA] = test.emulator.population.segments;
    const destination = visitorsA!.source.destinationId;
    await test.emulator.admin.deliver(destination, { mode: 'iter' });
    const joiner = test.emulator.population.people.at(-1)!.ecid;

    test.emulator.admin.addMembers(visitorsA!.sid, [joiner]);
    const broken = await test.emulator.admin.deliver(destination, { mode: 'iter', faults: ['corrupt'] });
    const retried = await readDelivery(
      test.dir,
      await test.emulator.admin.deliver(destination, { mode: 'iter' }),
    );

    expect(broken.faults).toEqual(['corrupt']);
    expect(retried.lines.map((line) => line.userId)).toContain(joiner);
  });

  it('should refuse an unknown destination', async () => {
    await expect(test.emulator.admin.deliver(1, { mode: 'full' })).rejects.toMatchObject({
      code: 'EMULATOR.NOT_FOUND',
    });
  });
});
