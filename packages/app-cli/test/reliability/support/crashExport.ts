import { join } from 'node:path';

import { noOptOut, type Profile } from '@audience-bridge/domain';
import { expect } from 'vitest';

import { ChildPool } from './childPool.js';
import { sorted, type CrashRig } from './crashRig.js';
import { completeInboundDeliveries, duplicatedUserIds } from './exchange.js';
import type { Rng } from './random.js';
import { loadProfiles } from './scenario.js';

/** What the export kills reached. */
export interface ExportKillFigures {
  kills: number;
  finishedBeforeKill: number;
  reruns: number;
  uploadedRecords: number;
  duplicatedRecords: number;
}

const BASE = 1_000_000_000_000_000_000n;

/** Profiles only the campaign knows, each with a valid ECID of its own (wave and index make it unique). */
export function extraProfiles(wave: number, count: number): Profile[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `extra-${wave}-${index}`,
    email: null,
    mobilePhone: null,
    visitorId: `${BASE + BigInt(wave)}${BASE + BigInt(index)}`,
    customKeys: {},
    attributes: { wave },
    optOut: noOptOut,
  }));
}

function exportDocument(rig: CrashRig, sid: number): unknown {
  return {
    name: 'crash export',
    activities: [
      { id: 'everyone', type: 'query', filter: { field: 'visitorId', op: 'exists' } },
      {
        id: 'share',
        type: 'saveAudience',
        input: 'everyone',
        share: {
          target: { sharedAudienceId: String(sid) },
          dataSourceId: rig.visitor.id,
          outboundTransition: false,
        },
      },
    ],
  };
}

async function exportInParent(rig: CrashRig, document: unknown): Promise<number> {
  const started = performance.now();
  const run = await rig.context.useCases.runWorkflow.execute(rig.principal, { document });
  if (!run.ok) throw run.error;
  const counts = run.value.report?.counts;
  expect(run.value.status).toBe('succeeded');
  expect(counts && counts.exported + counts.alreadyPresent + counts.ignored).toBe(counts?.input);
  return performance.now() - started;
}

/** Checks the exchange and the ledger: nothing delivered twice, nothing outside `expected`, and optionally everything. */
async function checkDelivered(
  rig: CrashRig,
  sid: number,
  expected: ReadonlySet<string>,
  complete: boolean,
): Promise<{ delivered: number; duplicated: number }> {
  const deliveries = completeInboundDeliveries(join(rig.place.dir, 'exchange'));
  const delivered = deliveries.flatMap((delivery) => delivery.userIds);
  const duplicated = duplicatedUserIds(deliveries);
  expect(duplicated).toEqual([]);
  expect(delivered.filter((id) => !expected.has(id))).toEqual([]);
  const accepted = await rig.context.ports.ledger.acceptedCount(rig.principal.orgId, String(sid));
  expect(accepted).toBeLessThanOrEqual(delivered.length);
  if (complete) {
    expect(sorted(delivered)).toEqual(sorted(expected));
    expect(accepted).toBe(expected.size);
    expect(await rig.context.ports.ledger.pending(rig.principal.orgId, String(sid))).toEqual([]);
  }
  return { delivered: delivered.length, duplicated: duplicated.length };
}

/**
 * Kills exports in a child process at random times while new profiles keep arriving; the exchange never
 * carries a user ID twice, and a rerun delivers exactly every profile's ID once, the ledger agreeing.
 */
export async function killExports(
  rig: CrashRig,
  segmentName: string,
  plan: { kills: number; perWave: number },
  rng: Rng,
): Promise<ExportKillFigures> {
  const sid = rig.sid(segmentName);
  const document = exportDocument(rig, sid);
  const expected = new Set(
    rig.profiles.flatMap((profile) => (profile.visitorId === null ? [] : [profile.visitorId])),
  );
  const calibrationMs = await exportInParent(rig, document);
  await checkDelivered(rig, sid, expected, true);
  const figures: ExportKillFigures = {
    kills: 0,
    finishedBeforeKill: 0,
    reruns: 0,
    uploadedRecords: 0,
    duplicatedRecords: 0,
  };

  const pool = new ChildPool(() => rig.child({ kind: 'export', document }), plan.kills);
  for (let wave = 0; wave < plan.kills; wave += 1) {
    const child = await pool.take();
    const extra = extraProfiles(wave, plan.perWave);
    await loadProfiles(rig.context, rig.principal.orgId, extra);
    for (const profile of extra) if (profile.visitorId !== null) expected.add(profile.visitorId);

    const outcome = await child.strike({ afterMs: rng.int(0, Math.ceil(calibrationMs * 1.3)) });
    if (outcome.killed) figures.kills += 1;
    else figures.finishedBeforeKill += 1;
    const afterKill = await checkDelivered(
      rig,
      sid,
      expected,
      !outcome.killed && outcome.finished === 'done',
    );

    await exportInParent(rig, document);
    figures.reruns += 1;
    const afterRerun = await checkDelivered(rig, sid, expected, true);
    figures.uploadedRecords = afterRerun.delivered;
    figures.duplicatedRecords += afterKill.duplicated + afterRerun.duplicated;
  }
  return figures;
}
