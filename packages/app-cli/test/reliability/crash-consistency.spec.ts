import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { removeCrashChildBundle } from './support/childBundle.js';
import { openCrashRig, type CrashRig } from './support/crashRig.js';
import { killExports } from './support/crashExport.js';
import { killImports } from './support/crashImport.js';
import { recordFigures } from './support/figures.js';
import { freshDatabase, postgresAvailable } from './support/postgres.js';
import { Rng } from './support/random.js';
import { sqliteUrl } from './support/scenario.js';
import { bySize, reliabilitySeed } from './support/size.js';

const kills = bySize(5, 20);
const people = bySize(12_000, 40_000);
const emulator = {
  seed: 11,
  population: {
    size: people,
    segments: [
      { name: 'Crash visitors', source: 'visitor' as const, size: Math.floor(people * 0.4), malformed: 25 },
      { name: 'Export target', source: 'visitor' as const, size: 0 },
    ],
  },
};

function crashSuite(
  database: 'sqlite' | 'postgresql',
  url: () => Promise<((dir: string) => string) | null>,
): void {
  describe(`SIGKILL during runs on ${database}`, () => {
    let rig: CrashRig | null = null;
    const rng = new Rng(reliabilitySeed() + (database === 'sqlite' ? 1 : 2));

    beforeAll(async () => {
      const databaseUrl = await url();
      if (databaseUrl !== null) rig = await openCrashRig(databaseUrl, emulator);
    });
    afterAll(async () => {
      await rig?.close();
    });

    it(`having a synced import, when ${kills} syncs are killed at random points, then members are the old or the new set and a rerun is exact`, async (context) => {
      if (rig === null) return context.skip();

      const figures = await killImports(rig, 'Crash visitors', kills, rng);

      expect(figures.kills + figures.finishedBeforeKill).toBe(kills);
      expect(figures.kills).toBeGreaterThan(0);
      recordFigures({
        suite: 'crash: import sync',
        figures: {
          [`kills ${database}`]: figures.kills,
          [`after commit ${database}`]: figures.killedAfterCommit,
          [`finished first ${database}`]: figures.finishedBeforeKill,
        },
        lost: 0,
      });
    });

    it(`having exported profiles, when ${kills} exports are killed at random times, then nothing is sent twice and a rerun sends exactly the rest`, async (context) => {
      if (rig === null) return context.skip();

      const figures = await killExports(rig, 'Export target', { kills, perWave: bySize(2_000, 5_000) }, rng);

      expect(figures.kills + figures.finishedBeforeKill).toBe(kills);
      expect(figures.kills).toBeGreaterThan(0);
      recordFigures({
        suite: 'crash: export',
        figures: {
          [`kills ${database}`]: figures.kills,
          [`finished first ${database}`]: figures.finishedBeforeKill,
          [`records uploaded once ${database}`]: figures.uploadedRecords,
        },
        lost: figures.duplicatedRecords,
      });
    });
  });
}

const dropLater: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of dropLater) await drop();
  await removeCrashChildBundle();
});

crashSuite('sqlite', () => Promise.resolve(sqliteUrl));
crashSuite('postgresql', async () => {
  if (!(await postgresAvailable())) return null;
  const database = await freshDatabase();
  dropLater.push(() => database.drop());
  return () => database.url;
});
