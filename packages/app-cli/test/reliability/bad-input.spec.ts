import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseOutboundLine } from '@audience-bridge/adapters-peoplecore/formats';
import {
  decodeSegmentIds,
  decryptAesCbcBatch,
  filterSchema,
  validateWorkflow,
  visitorIdProblem,
  type SharedDataSource,
} from '@audience-bridge/domain';
import { afterAll, describe, expect, it } from 'vitest';

import { badBody, postProfileBatches } from './support/apiBodies.js';
import { openApiRig } from './support/apiRig.js';
import { documentedRoutes, urlOf } from './support/authMatrix.js';

import { badFilter, badWorkflow, validWorkflow } from './support/badDocuments.js';
import {
  aes,
  badCiphertext,
  badEcid,
  badOutboundLine,
  validCiphertext,
  validEcid,
  validOutboundLine,
} from './support/badRecords.js';
import { recordFigures, Tally } from './support/figures.js';
import { loadGeneratedFile } from './support/profileFiles.js';
import { Rng } from './support/random.js';
import { bySize, reliabilitySeed } from './support/size.js';

const perParser = bySize(10_000, 50_000);
const tally = new Tally();
const dir = mkdtempSync(join(tmpdir(), 'ab-bad-input-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  recordFigures({ suite: 'bad input', figures: tally.toRecord(), lost: tally.get('valid records lost') });
});

/** Interleaves `bad` generated bad records with a valid one after every ninth, remembering which is which. */
function mixed<T>(bad: (index: number) => T, good: (index: number) => T): { items: T[]; isGood: boolean[] } {
  const items: T[] = [];
  const isGood: boolean[] = [];
  for (let index = 0; index < perParser; index += 1) {
    items.push(bad(index));
    isGood.push(false);
    if (index % 9 === 0) {
      items.push(good(index));
      isGood.push(true);
    }
  }
  return { items, isGood };
}

/** Checks per-record outcomes: every bad one refused with a reason, every good one kept; records the figures. */
function expectSorted(
  parser: string,
  outcomes: readonly (string | null)[],
  isGood: readonly boolean[],
): void {
  const wrong = outcomes.flatMap((reason, index) => ((reason === null) === isGood[index] ? [] : [index]));
  const reasonless = outcomes.filter((reason) => reason !== null && reason.trim() === '').length;
  const bad = isGood.filter((good) => !good).length;
  tally.add(`${parser} bad tried`, bad);
  tally.add('valid records lost', isGood.filter((good, index) => good && outcomes[index] !== null).length);

  expect(wrong.slice(0, 5).map((index) => ({ index, outcome: outcomes[index] }))).toEqual([]);
  expect(reasonless).toBe(0);
  expect(outcomes.length).toBe(isGood.length);
}

describe('bad input is refused per record, with a reason, and never fails its batch', () => {
  it.each(['ndjson', 'csv'] as const)(
    'profile %s files through the CLI reader and UpsertProfiles: counts are conserved and valid rows stored',
    async (format) => {
      const load = await loadGeneratedFile(
        join(dir, `profiles.${format}`),
        format,
        perParser,
        new Rng(reliabilitySeed() + format.length),
      );
      tally.add(`profile ${format} bad tried`, load.written.bad);
      tally.add('valid records lost', load.written.good - load.storedGood);

      expect(load.inserted + load.rejected).toBe(load.written.good + load.written.bad);
      expect(load.rejected).toBe(load.written.bad);
      expect(load.reasonless).toBe(0);
      expect(load.storedGood).toBe(load.written.good);
    },
  );

  it('outbound file lines', () => {
    const rng = new Rng(reliabilitySeed() + 11);
    const { items, isGood } = mixed(() => badOutboundLine(rng), validOutboundLine);

    const outcomes = items.map((line, index) => {
      const parsed = parseOutboundLine(line, index + 1);
      return parsed.ok ? null : parsed.reason;
    });

    expectSorted('outbound line', outcomes, isGood);
  });

  it('visitor IDs (ECIDs)', () => {
    const rng = new Rng(reliabilitySeed() + 12);
    const { items, isGood } = mixed(() => badEcid(rng), validEcid);

    expectSorted('ECID', items.map(visitorIdProblem), isGood);
  });

  it('ciphertexts, decrypted in one batch', () => {
    const rng = new Rng(reliabilitySeed() + 13);
    const { items, isGood } = mixed(() => badCiphertext(rng), validCiphertext);

    const outcomes = decryptAesCbcBatch(items, aes).map((result) => (result.ok ? null : result.reason));

    expectSorted('ciphertext', outcomes, isGood);
  });

  it('segment IDs of an encrypted email source, decoded in batches of 1000', () => {
    const rng = new Rng(reliabilitySeed() + 14);
    const source: SharedDataSource = {
      id: 'emails',
      label: 'emails',
      dataSourceId: 163_402,
      destinationId: 5102,
      reconciliationKey: 'email',
      channel: 'email',
      encryption: aes,
    };
    const { items, isGood } = mixed(() => badCiphertext(rng), validCiphertext);

    const rejected = new Map<string, string>();
    let staged = 0;
    for (let start = 0; start < items.length; start += 1_000) {
      const decoded = decodeSegmentIds(items.slice(start, start + 1_000), source);
      staged += decoded.staged.length;
      for (const record of decoded.rejected) rejected.set(record.value, record.reason);
    }

    expect(staged + [...rejected.keys()].length).toBe(new Set(items).size);
    expectSorted(
      'segment ID',
      items.map((item) => rejected.get(item) ?? null),
      isGood,
    );
  });

  it('workflow documents', () => {
    const rng = new Rng(reliabilitySeed() + 15);
    const { items, isGood } = mixed((index) => badWorkflow(rng, index), validWorkflow);

    const outcomes = items.map((doc) => {
      const plan = validateWorkflow(doc);
      return plan.ok ? null : plan.error.join('; ');
    });

    expectSorted('workflow', outcomes, isGood);
  });

  it('filter documents', () => {
    const rng = new Rng(reliabilitySeed() + 16);
    const { items, isGood } = mixed(
      () => badFilter(rng),
      (index) => ({ field: 'attributes.age', op: 'gte', value: index }),
    );

    const outcomes = items.map((doc) => {
      const parsed = filterSchema.safeParse(doc);
      return parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join('; ');
    });

    expectSorted('filter', outcomes, isGood);
  });

  it('API bodies: profile batches keep their valid rows, and malformed bodies on every route with a body get a 4xx with a reason', async () => {
    const rig = await openApiRig({ size: 200, rateLimit: false });
    try {
      const rng = new Rng(reliabilitySeed() + 17);
      const headers = { authorization: `Bearer ${await rig.emulator.mintToken()}` };
      const batches = await postProfileBatches(rig, headers, perParser, rng);
      const withBody = (await documentedRoutes(rig)).filter(
        (route) => route.hasBody && route.path.startsWith('/v1/'),
      );
      const statuses: number[] = [];
      const accepted = new Set<string>();
      const reasonless: string[] = [];
      const bodies = bySize(2_000, 10_000);
      while (statuses.length < bodies) {
        const route = rng.pick(withBody);
        const payload = badBody(rng);
        // Sync and start take no body: a JSON null is the absence of one, a command they rightly accept.
        if (payload === 'null' && /\/(sync|start)$/.test(route.path)) continue;
        const response = await rig.app.inject({
          method: route.method as 'POST',
          url: urlOf(rig, route.path),
          headers: { ...headers, 'content-type': 'application/json' },
          payload,
        });
        // The dry-run validation answers 200 with its problems as data, which is a refusal with reasons too.
        const refusedAsData = response.statusCode === 200 && response.body.includes('"valid":false');
        statuses.push(refusedAsData ? 422 : response.statusCode);
        if (response.statusCode < 400 && !refusedAsData)
          accepted.add(`${response.statusCode} ${route.method} ${route.path}`);
        if (!refusedAsData && !/"message":"[^"]+/.test(response.body))
          reasonless.push(`${route.method} ${route.path}: ${response.body.slice(0, 80)}`);
      }
      tally.add('API profile records bad tried', batches.sent.bad);
      tally.add('API bodies bad tried', statuses.length);
      tally.add('valid records lost', batches.sent.good - batches.written);

      expect(batches.serverErrors).toBe(0);
      expect(batches.read).toBe(batches.sent.good + batches.sent.bad);
      expect(batches.rejected).toBe(batches.sent.bad);
      expect(batches.written).toBe(batches.sent.good);
      expect(batches.reasonless).toBe(0);
      expect(withBody.length).toBeGreaterThan(3);
      expect([...accepted]).toEqual([]);
      expect(statuses.filter((status) => status < 400 || status >= 500)).toEqual([]);
      expect(reasonless.slice(0, 3)).toEqual([]);
    } finally {
      await rig.close();
    }
  });
});
