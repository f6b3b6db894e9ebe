/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- response bodies are read as JSON and checked by the assertions themselves */
import { profileOf, type PopulationSegment } from '@audience-bridge/peoplecore-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { settledRun, startTestApp, type TestApp } from './support/testApp.js';

describe('data sources, shared audiences, profiles, audiences and runs', () => {
  let test: TestApp;
  let headers: Record<string, string>;
  let segment: PopulationSegment;

  beforeAll(async () => {
    test = await startTestApp({ profilesBodyLimit: 512 * 1024 });
    headers = await test.bearer();
    segment = test.context.emulator!.population.segments.find(
      (candidate) => candidate.source.kind === 'visitor',
    )!;
  });
  afterAll(() => test.close());

  const inject = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    test.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('adds, lists and shows data sources, refusing duplicates and invalid bodies', async () => {
    const added = await inject('POST', '/v1/datasources', segment.source.shared);
    const duplicate = await inject('POST', '/v1/datasources', segment.source.shared);
    const invalid = await inject('POST', '/v1/datasources', { id: '', dataSourceId: -1, channel: 'fax' });
    const listed = await inject('GET', '/v1/datasources');
    const shown = await inject('GET', `/v1/datasources/${segment.source.shared.id}`);
    const missing = await inject('GET', '/v1/datasources/nope');

    expect(added.statusCode).toBe(201);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'CONFLICT' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('VALIDATION.INVALID_INPUT');
    expect(invalid.json().details.issues.length).toBeGreaterThanOrEqual(4);
    expect(listed.json().items).toHaveLength(1);
    expect(shown.json()).toMatchObject({ id: segment.source.shared.id, encryption: { algorithm: 'none' } });
    expect(missing.statusCode).toBe(404);
  });

  it('lists the shared audiences, filtered by kind', async () => {
    const segments = await inject('GET', '/v1/shared-audiences?kind=segment');
    const all = await inject('GET', '/v1/shared-audiences');
    const bad = await inject('GET', '/v1/shared-audiences?kind=rule');

    expect(segments.json().items.every((item: { kind: string }) => item.kind === 'segment')).toBe(true);
    expect(all.json().items.length).toBeGreaterThan(segments.json().items.length);
    expect(bad.statusCode).toBe(400);
  });

  it('upserts profiles from a JSON array and from NDJSON, listing rejected rows by index', async () => {
    const profiles = test.context
      .emulator!.population.people.slice(0, test.context.emulator!.population.campaignSize)
      .map(profileOf);
    const rows = [...profiles.slice(0, 10), { key: '' }, ...profiles.slice(10)];

    const json = await inject('POST', '/v1/profiles', rows);
    const ndjson = await test.app.inject({
      method: 'POST',
      url: '/v1/profiles',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify(profiles[0])}\n{not json\n\n${JSON.stringify({ key: 'k', visitorId: '12' })}\n`,
    });
    const tooLarge = await test.app.inject({
      method: 'POST',
      url: '/v1/profiles',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      payload: 'x'.repeat(600 * 1024),
    });

    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ read: rows.length, inserted: profiles.length, updated: 0 });
    expect(json.json().rejected).toEqual([{ index: 10, reasons: expect.any(Array) }]);
    expect(ndjson.json()).toMatchObject({ read: 3, inserted: 0, updated: 1 });
    expect(ndjson.json().rejected.map((row: { index: number }) => row.index)).toEqual([1, 2]);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('HTTP.PAYLOAD_TOO_LARGE');
  });

  it('creates an import with a queued first sync that a job runs, then syncs again on request', async () => {
    await test.context.emulator!.admin.deliver(segment.source.destinationId, { mode: 'full' });

    const created = await inject('POST', '/v1/audiences', {
      label: 'Visitors',
      sharedAudienceId: String(segment.sid),
      dataSourceId: segment.source.shared.id,
    });
    const { audience, run } = created.json();
    const finished = await settledRun(test.app, headers, run.id);
    const again = await inject('POST', `/v1/audiences/${audience.id}/sync`);
    await settledRun(test.app, headers, again.json().id);

    expect(created.statusCode).toBe(201);
    expect(run.status).toBe('queued');
    expect(finished).toMatchObject({ status: 'succeeded', kind: 'import', subjectId: audience.id });
    expect(again.statusCode).toBe(202);
    const shown = await inject('GET', `/v1/audiences/${audience.id}`);
    const members = await inject('GET', `/v1/audiences/${audience.id}/members?limit=5`);
    const listed = await inject('GET', '/v1/audiences?type=shared&limit=1');
    expect(shown.json().memberCount).toBeGreaterThan(0);
    expect(members.json()).toMatchObject({ limit: 5, total: shown.json().memberCount });
    expect(members.json().items).toHaveLength(5);
    expect(listed.json()).toMatchObject({ total: 1, limit: 1 });
    expect((await inject('GET', '/v1/audiences/aud_missing/members')).statusCode).toBe(404);
  });

  it('refuses to import a trait (422) and to sync an audience that does not exist (404)', async () => {
    const trait = test.context.emulator!.population.traits[0]!;

    const refused = await inject('POST', '/v1/audiences', {
      label: 'Trait',
      sharedAudienceId: String(trait.sid),
      dataSourceId: segment.source.shared.id,
    });
    const missing = await inject('POST', '/v1/audiences/aud_nope/sync');
    const garbage = await inject('POST', '/v1/audiences/aud_nope/sync', { force: true });
    const runsBefore = (await inject('GET', '/v1/runs?limit=1')).json().total;
    const garbageStart = await inject('POST', '/v1/workflows/wf_nope/start', ['start']);

    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().code).toBe('VALIDATION.INVALID_INPUT');
    expect(garbageStart.statusCode).toBe(400);
    expect((await inject('GET', '/v1/runs?limit=1')).json().total).toBe(runsBefore);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('AUDIENCE.NOT_IMPORTABLE');
    expect(missing.statusCode).toBe(404);
  });

  it('lists runs by kind and subject, shows one, pages its records and streams them as CSV', async () => {
    const runs = await inject('GET', '/v1/runs?kind=import&limit=10');
    const first = runs.json().items[0];
    const bySubject = await inject('GET', `/v1/runs?subjectId=${first.subjectId}`);
    const shown = await inject('GET', `/v1/runs/${first.id}`);
    const rejects = await inject('GET', `/v1/runs/${first.id}/rejects?category=unreconciled&limit=3`);
    const csv = await inject('GET', `/v1/runs/${first.id}/rejects.csv`);

    expect(runs.json().total).toBe(2);
    expect(bySubject.json().total).toBe(2);
    expect(shown.json().report.counts.input).toBeGreaterThan(0);
    const unreconciled = shown.json().report.counts.unreconciled;
    expect(rejects.json()).toMatchObject({ total: unreconciled, limit: 3 });
    expect(
      rejects.json().items.every((record: { category: string }) => record.category === 'unreconciled'),
    ).toBe(true);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('category,value,reason');
    expect(lines.length - 1).toBeGreaterThanOrEqual(unreconciled);
    expect((await inject('GET', '/v1/runs/run_missing/rejects.csv')).statusCode).toBe(404);
    expect((await inject('GET', '/v1/runs?kind=sideways')).statusCode).toBe(400);
  });
});
