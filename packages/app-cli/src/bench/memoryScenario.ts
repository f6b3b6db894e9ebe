import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { openPersistence } from '@audience-bridge/adapters-persistence';

import { BENCH_MASTER_KEY, openSqliteDatabase, type BenchDatabase } from './benchDatabase.js';
import { judged, rateOf, type BenchRow } from './BenchRow.js';
import { loadProfiles } from './loadProfiles.js';
import { progress } from './measure.js';
import type { MemoryChildResult } from './memoryChild.js';
import type { BenchSizes } from './sizes.js';
import type { Target } from './targets.js';

const TARGET: Target = { comparison: 'atMost', limit: 300, unit: 'MB' };
const childEntry = fileURLToPath(new URL('./memoryChild.js', import.meta.url));

/** Runs one import sync in a fresh node process and reads the JSON line it prints last. */
function runChild(url: string, size: number): Promise<MemoryChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childEntry, url, String(size)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as MemoryChildResult);
      else
        reject(
          new Error(
            `memory child for ${size} IDs exited ${String(code)}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`,
          ),
        );
    });
  });
}

function rowOf(
  result: MemoryChildResult,
  smallest: MemoryChildResult | undefined,
  profiles: number,
): BenchRow {
  const flat = smallest !== undefined && smallest !== result ? result.peakMb / smallest.peakMb : null;

  return judged({
    scenario: 'memory',
    variant: 'import sync peak RSS (child process, SQLite)',
    size: result.segmentIds,
    seconds: result.seconds,
    rate: rateOf(result.segmentIds, result.seconds, 'IDs/s'),
    ratio: flat === null ? null : { value: flat, text: `peak ${flat.toFixed(2)}× the smallest` },
    target: TARGET,
    measured: result.status === 'succeeded' ? result.peakMb : null,
    note:
      `peak ${result.peakMb.toFixed(0)} MB (${result.from}), V8 heap ${result.heapMb.toFixed(0)} MB at the end; run ${result.status}${result.error === null ? '' : ` (${result.error})`}; ` +
      `${result.members} members, ${result.unreconciled} unreconciled against ${profiles.toLocaleString('en-US')} profiles`,
    details: {
      peakMb: result.peakMb,
      source: result.from,
      members: result.members,
      unreconciled: result.unreconciled,
    },
  });
}

async function prepare(db: BenchDatabase, profiles: number): Promise<void> {
  const persistence = await openPersistence({ url: db.url, masterKey: BENCH_MASTER_KEY });
  try {
    progress(`memory: loading ${profiles} profiles`);
    await loadProfiles(persistence.profiles, profiles);
  } finally {
    await persistence.close();
  }
}

/** Scenario 4: peak RSS of an import sync at each segment size, each in its own process on one SQLite file. */
export async function runMemory(sizes: BenchSizes): Promise<BenchRow[]> {
  const db = await openSqliteDatabase('memory');
  try {
    await prepare(db, sizes.memoryProfiles);
    const results: MemoryChildResult[] = [];
    for (const size of sizes.memorySegments) {
      progress(`memory: import sync of ${size} IDs in a child process`);
      results.push(await runChild(db.url, size));
    }

    return results.map((result) => rowOf(result, results[0], sizes.memoryProfiles));
  } finally {
    await db.dispose();
  }
}
