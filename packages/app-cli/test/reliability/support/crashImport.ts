import { expect } from 'vitest';

import { ChildPool } from './childPool.js';
import { countingProgress, referenceMembers, sameList, sorted, type CrashRig } from './crashRig.js';
import type { KillPoint } from './killChild.js';
import type { Rng } from './random.js';
import { createImport, membersOf } from './scenario.js';

/** What the import kills reached. */
export interface ImportKillFigures {
  kills: number;
  killedBeforeCommit: number;
  killedAfterCommit: number;
  finishedBeforeKill: number;
  reruns: number;
}

async function syncInParent(rig: CrashRig, audienceId: string): Promise<{ ms: number; advances: number }> {
  const progress = countingProgress();
  const started = performance.now();
  const run = await rig.context.withProgress(progress).syncAudience.execute(rig.principal, { audienceId });
  if (!run.ok) throw run.error;
  return { ms: performance.now() - started, advances: progress.advances() };
}

/** Gives the segment a new random membership, delivered in full; returns the reference members for it. */
async function newMembership(rig: CrashRig, sid: number, rng: Rng): Promise<string[]> {
  const emulator = rig.context.emulator;
  if (emulator === null) throw new Error('no emulator');
  const everyone = emulator.population.people.map((person) => person.ecid);
  const userIds = rng.sample(
    everyone,
    rng.int(Math.floor(everyone.length / 4), Math.floor(everyone.length / 2)),
  );
  emulator.admin.setSegment(sid, userIds);
  const destination =
    emulator.population.dataSources.find((source) => source.kind === 'visitor')?.destinationId ?? 0;
  await emulator.admin.deliver(destination, { mode: 'full' });
  return referenceMembers(userIds, rig.profiles, rig.visitor);
}

function killPoint(rng: Rng, calibration: { ms: number; advances: number }, index: number): KillPoint {
  if (index % 2 === 1 && calibration.advances > 0)
    return { atProgress: rng.int(1, calibration.advances), afterMs: rng.int(0, 40) };
  return { afterMs: rng.int(0, Math.ceil(calibration.ms * 1.3)) };
}

/**
 * Kills import syncs in a child process at random points; after each kill the audience holds exactly
 * the previous or the new member set, and a rerun in the parent gives exactly the reference result.
 */
export async function killImports(
  rig: CrashRig,
  segmentName: string,
  kills: number,
  rng: Rng,
): Promise<ImportKillFigures> {
  const sid = rig.sid(segmentName);
  const org = rig.principal.orgId;
  const audienceId = await createImport(rig.context, rig.principal, sid, rig.visitor.id);
  const figures: ImportKillFigures = {
    kills: 0,
    killedBeforeCommit: 0,
    killedAfterCommit: 0,
    finishedBeforeKill: 0,
    reruns: 0,
  };
  let previous = await newMembership(rig, sid, rng);
  const calibration = await syncInParent(rig, audienceId);
  expect(sorted(await membersOf(rig.context, org, audienceId))).toEqual(previous);

  const pool = new ChildPool(() => rig.child({ kind: 'import', audienceId }), kills);
  for (let index = 0; index < kills; index += 1) {
    const child = await pool.take();
    const expected = await newMembership(rig, sid, rng);
    const outcome = await child.strike(killPoint(rng, calibration, index));

    const after = await membersOf(rig.context, org, audienceId);
    expect(new Set(after).size).toBe(after.length);
    const afterSorted = sorted(after);
    const isPrevious = sameList(afterSorted, previous);
    const isNew = sameList(afterSorted, expected);
    expect(isPrevious || isNew, `kill ${index}: members are neither the previous nor the new set`).toBe(true);
    if (!outcome.killed) expect(isNew).toBe(true);
    tallyKill(figures, outcome.killed, isNew && !sameList(previous, expected));

    await syncInParent(rig, audienceId);
    figures.reruns += 1;
    expect(sorted(await membersOf(rig.context, org, audienceId))).toEqual(expected);
    previous = expected;
  }
  return figures;
}

function tallyKill(figures: ImportKillFigures, killed: boolean, committed: boolean): void {
  if (!killed) {
    figures.finishedBeforeKill += 1;
    return;
  }
  figures.kills += 1;
  if (committed) figures.killedAfterCommit += 1;
  else figures.killedBeforeCommit += 1;
}
