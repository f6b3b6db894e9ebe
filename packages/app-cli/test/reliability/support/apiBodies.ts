import type { ApiRig } from './apiRig.js';
import { badNdjson, validNdjson } from './badProfiles.js';
import type { Rng } from './random.js';

/** What the profiles endpoint answered for generated batches. */
export interface BodyOutcome {
  readonly sent: { readonly good: number; readonly bad: number };
  readonly read: number;
  readonly written: number;
  readonly rejected: number;
  readonly reasonless: number;
  readonly serverErrors: number;
}

interface UpsertAnswer {
  readonly read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly rejected: readonly { readonly index: number; readonly reasons: readonly string[] }[];
}

/** Posts NDJSON batches of bad profile lines with valid ones mixed in, `perBatch` lines a request. */
export async function postProfileBatches(
  rig: ApiRig,
  headers: Record<string, string>,
  bad: number,
  rng: Rng,
): Promise<BodyOutcome> {
  const totals = { good: 0, bad: 0, read: 0, written: 0, rejected: 0, reasonless: 0, serverErrors: 0 };
  for (let start = 0; start < bad; start += 1_000) {
    const lines: string[] = [];
    for (let index = start; index < Math.min(bad, start + 1_000); index += 1) {
      lines.push(badNdjson(rng, index));
      totals.bad += 1;
      if (index % 9 === 0) lines.push(validNdjson(1_000_000 + totals.good++));
    }
    const response = await rig.app.inject({
      method: 'POST',
      url: '/v1/profiles',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      payload: lines.join('\n'),
    });
    if (response.statusCode >= 500) totals.serverErrors += 1;
    const answer = response.json<UpsertAnswer>();
    totals.read += answer.read;
    totals.written += answer.inserted + answer.updated;
    totals.rejected += answer.rejected.length;
    totals.reasonless += answer.rejected.filter((row) => row.reasons.length === 0).length;
  }
  const { good, bad: badSent, ...rest } = totals;
  return { sent: { good, bad: badSent }, ...rest };
}

/** Bodies no route may accept: broken JSON, wrong top-level types, wrong field types, huge strings. */
export function badBody(rng: Rng): string {
  const kinds: (() => string)[] = [
    () => '{"label": ',
    () => rng.pick(['null', '42', '"text"', 'true']),
    () => JSON.stringify({ label: rng.int(0, 9), sharedAudienceId: [], dataSourceId: {} }),
    () => JSON.stringify({ name: 7, activities: 'none' }),
    () => JSON.stringify({ id: '', label: '', dataSourceId: -1 }),
    () => `{"a":${'['.repeat(rng.int(1, 64))}`,
    () => JSON.stringify({ label: 'x'.repeat(rng.int(200, 2_000)) }),
    () => '\u0000\u0001garbage',
  ];
  return rng.pick(kinds)();
}
