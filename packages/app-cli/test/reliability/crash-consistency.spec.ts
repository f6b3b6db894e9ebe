import { afterAll, describe, expect, it } from 'vitest';

import { removeCrashChildBundle } from './support/childBundle.js';
import { killExports } from './support/crashExport.js';
import { killImports } from './support/crashImport.js';
import { openCrashRig } from './support/crashRig.js';
import { recordFigures } from './support/figures.js';
import { freshDatabase, postgresAvailable } from './support/postgres.js';
import { Rng } from './support/random.js';
import { sqliteUrl } from './support/scenario.js';
import { bySize, reliabilitySeed } from './support/size.js';

const kills = bySize(5, 20);
const timeout = bySize(300_000, 2_400_000);
const people = bySize(3_000, 10_000);
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

/** Kills imports, then exports, on one database, and records what the kills reached. */
async function killRuns(database: string, databaseUrl: (dir: string) => string, rng: Rng): Promise<void> {
  const rig = await openCrashRig(databaseUrl, emulator);
  try {
    const imports = await killImports(rig, 'Crash visitors', kills, rng);
    const exports = await killExports(rig, 'Export target', { kills, perWave: bySize(500, 2_000) }, rng);

    expect(imports.kills + imports.finishedBeforeKill).toBe(kills);
    expect(exports.kills + exports.finishedBeforeKill).toBe(kills);
    expect(imports.kills + exports.kills).toBeGreaterThan(0);
    recordFigures({
      suite: 'crash consistency (SIGKILL)',
      figures: {
        [`import kills ${database}`]: imports.kills,
        [`import kills after commit ${database}`]: imports.killedAfterCommit,
        [`export kills ${database}`]: exports.kills,
        [`runs finished before the kill ${database}`]:
          imports.finishedBeforeKill + exports.finishedBeforeKill,
        [`exact reruns ${database}`]: imports.reruns + exports.reruns,
        [`records uploaded exactly once ${database}`]: exports.uploadedRecords,
      },
      lost: exports.duplicatedRecords,
    });
  } finally {
    await rig.close();
  }
}

afterAll(() => removeCrashChildBundle());

describe.concurrent('SIGKILL during import syncs and exports', () => {
  it(
    `on SQLite: ${kills} killed syncs leave the old or the new members and ${kills} killed exports send nothing twice; reruns are exact`,
    async () => {
      await killRuns('sqlite', sqliteUrl, new Rng(reliabilitySeed() + 1));
    },
    timeout,
  );

  it(
    `on PostgreSQL: the same ${kills} + ${kills} kills on a fresh database`,
    async (context) => {
      if (!(await postgresAvailable())) return context.skip();
      const database = await freshDatabase();
      try {
        await killRuns('postgresql', () => database.url, new Rng(reliabilitySeed() + 2));
      } finally {
        await database.drop();
      }
    },
    timeout,
  );
});
