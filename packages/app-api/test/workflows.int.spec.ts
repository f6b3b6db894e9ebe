/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- response bodies are read as JSON and checked by the assertions themselves */
import type { PopulationSegment } from '@audience-bridge/peoplecore-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { settledRun, startTestApp, type TestApp } from './support/testApp.js';

describe('workflows and exports', () => {
  let test: TestApp;
  let headers: Record<string, string>;
  let segment: PopulationSegment;
  const withVisitorId = { id: 'visitors', type: 'query', filter: { field: 'visitorId', op: 'exists' } };
  const keyed = { id: 'keyed', type: 'query', filter: { field: 'key', op: 'startsWith', value: 'p' } };
  const list = {
    name: 'List visitors',
    activities: [
      withVisitorId,
      {
        id: 'save',
        type: 'saveAudience',
        input: 'visitors',
        audience: { label: 'Visitors', mode: 'replace' },
      },
    ],
  };

  beforeAll(async () => {
    test = await startTestApp();
    headers = await test.bearer();
    segment = test.context.emulator!.population.segments.find(
      (candidate) => candidate.source.kind === 'visitor',
    )!;
    const principal = { orgId: test.orgId, subject: 'setup', authMethod: 'ims' as const };
    await test.context.useCases.dataSources.add(principal, segment.source.shared);
    await test.context.useCases.profiles.execute(principal, [
      { key: 'p1', visitorId: null, email: 'a@example.com' },
      { key: 'p2', email: 'b@example.com' },
      { key: 'q3', email: 'c@example.com' },
    ]);
  });
  afterAll(() => test.close());

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    test.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('validates without writing: an estimate per activity, or every problem', async () => {
    const document = {
      name: 'Estimate',
      activities: [withVisitorId, keyed, { id: 'both', type: 'union', inputs: ['visitors', 'keyed'] }],
    };

    const valid = await inject('POST', '/v1/workflows/validate', document);
    const invalid = await inject('POST', '/v1/workflows/validate', {
      name: 'Bad',
      activities: [{ id: 'u', type: 'union', inputs: ['a', 'b'] }],
    });
    const saved = await inject('GET', '/v1/workflows');

    expect(valid.json().valid).toBe(true);
    expect(valid.json().activities).toEqual([
      { id: 'visitors', type: 'query', kind: 'profiles', estimatedCount: 0 },
      { id: 'keyed', type: 'query', kind: 'profiles', estimatedCount: 2 },
      { id: 'both', type: 'union', kind: 'profiles', estimatedCount: 2 },
    ]);
    expect(invalid.json()).toMatchObject({ valid: false, activities: [] });
    expect(invalid.json().problems.length).toBeGreaterThanOrEqual(2);
    expect(saved.json().total).toBe(0);
  });

  it('creates, lists, shows, updates, starts and deletes a workflow', async () => {
    const created = await inject('POST', '/v1/workflows', list);
    const { id } = created.json();
    const listed = await inject('GET', '/v1/workflows?limit=10');
    const updated = await inject('PUT', `/v1/workflows/${id}`, { ...list, name: 'List visitors v2' });
    const started = await inject('POST', `/v1/workflows/${id}/start`);
    const run = await settledRun(test.app, headers, started.json().id);
    const deleted = await inject('DELETE', `/v1/workflows/${id}`);

    expect(created.statusCode).toBe(201);
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(id);
    expect(updated.json()).toMatchObject({ name: 'List visitors v2', version: 2 });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ status: 'queued', kind: 'export', subjectId: id });
    expect(run['status']).toBe('succeeded');
    expect(deleted.statusCode).toBe(204);
    expect((await inject('GET', `/v1/workflows/${id}`)).statusCode).toBe(404);
    expect((await inject('POST', `/v1/workflows/${id}/start`)).statusCode).toBe(404);
  });

  it('refuses an invalid workflow with 422 WORKFLOW.INVALID and a malformed one with 400', async () => {
    const invalid = await inject('POST', '/v1/workflows', {
      name: 'Cycle',
      activities: [{ id: 'a', type: 'exclusion', input: 'a', exclude: ['a'] }],
    });
    const malformed = await inject('POST', '/v1/workflows', { activities: 'none' });
    const missing = await inject('PUT', '/v1/workflows/wf_missing', list);

    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().code).toBe('WORKFLOW.INVALID');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().details.issues.length).toBeGreaterThanOrEqual(2);
    expect(missing.statusCode).toBe(404);
  });

  it('exports in one step: the workflow is saved and its run queued, then run by a job', async () => {
    const document = {
      name: 'Share visitors',
      activities: [
        keyed,
        {
          id: 'share',
          type: 'saveAudience',
          input: 'keyed',
          share: {
            target: { createSegment: { name: 'From bridge' } },
            dataSourceId: segment.source.shared.id,
            outboundTransition: false,
          },
        },
      ],
    };

    const accepted = await inject('POST', '/v1/exports', document);
    const run = await settledRun(test.app, headers, accepted.json().run.id);
    const shown = await inject('GET', `/v1/workflows/${accepted.json().workflow.id}`);

    expect(accepted.statusCode).toBe(202);
    expect(accepted.json().run.status).toBe('queued');
    expect(run).toMatchObject({ kind: 'export', subjectId: accepted.json().workflow.id });
    expect(run).toMatchObject({
      status: 'succeeded',
      report: { counts: { input: 2, exported: 0, ignored: 2 } },
    });
    expect(shown.statusCode).toBe(200);
  });
});
