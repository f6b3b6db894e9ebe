import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { userIdFor } from '../population/userIdFor.js';
import { startEmulator, type RunningEmulator } from '../server/startEmulator.js';
import { restHeaders } from '../../test/startTestEmulator.js';
import { writeInbound } from '../../test/writeInbound.js';

const AES_DPID = 163402;

describe('an emulator restarted on its journal', () => {
  const running: RunningEmulator[] = [];
  const start = async (dir: string, journal: boolean): Promise<RunningEmulator> => {
    const emulator = await startEmulator({
      exchangeDir: dir,
      seed: 3,
      population: { size: 500 },
      ...(journal ? { journalFile: join(dir, 'journal.ndjson') } : {}),
    });
    running.push(emulator);
    return emulator;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  });

  it.each([
    [true, 'keeps'],
    [false, 'forgets'],
  ])('with a journal=%s it %s created segments, membership changes and ingested uploads', async (journal) => {
    const dir = await mkdtemp(join(tmpdir(), 'pc-journal-'));
    const first = await start(dir, journal);
    const token = await first.mintToken();
    const created = await fetch(`${first.url}/v1/segments`, {
      method: 'POST',
      headers: { ...restHeaders(token), 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Kept',
        segmentRule: '10002T',
        folderId: 0,
        dataSourceId: AES_DPID,
        mergeRuleDataSourceId: AES_DPID,
      }),
    });
    const sid = ((await created.json()) as { sid: number }).sid;
    const source = first.population.dataSources.find((candidate) => candidate.dataSourceId === AES_DPID)!;
    const uploaded = first.population.people.slice(0, 5).map((person) => userIdFor(person, source));
    await writeInbound(
      dir,
      { dpid: AES_DPID, timestampSec: 1_760_000_000 },
      uploaded.map((id) => [id, [String(sid)]]),
    );
    await first.admin.ingest();
    const seeded = first.population.segments[0]!;
    first.admin.removeMembers(
      seeded.sid,
      seeded.members.slice(0, 3).map((person) => userIdFor(person, seeded.source)),
    );
    await first.close();

    const second = await start(dir, journal);

    const segments = (await (
      await fetch(`${second.url}/v1/segments`, { headers: restHeaders(await second.mintToken()) })
    ).json()) as { sid: number; name: string }[];
    const kept = segments.some((segment) => segment.sid === sid && segment.name === 'Kept');
    expect(kept).toBe(journal);
    expect(kept ? second.admin.members(sid).sort() : []).toEqual(kept ? [...uploaded].sort() : []);
    expect(second.admin.members(seeded.sid)).toHaveLength(
      first.admin.members(seeded.sid).length + (journal ? 0 : 3),
    );
    await rm(dir, { recursive: true, force: true });
  });
});
