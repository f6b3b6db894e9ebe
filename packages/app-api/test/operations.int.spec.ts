/* eslint-disable @typescript-eslint/no-unsafe-argument -- response bodies are read as JSON and checked by the assertions themselves */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PinoLogger } from '../src/logging/PinoLogger.js';
import { serve, type RunningService } from '../src/serve.js';
import { LogCapture, settledRun, startTestApp, tempConfig, type TestApp } from './support/testApp.js';

describe('probes, metrics, OpenAPI and the error shape', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  it('answers /health and /ready without credentials', async () => {
    const health = await test.app.inject({ method: 'GET', url: '/health' });
    const ready = await test.app.inject({ method: 'GET', url: '/ready' });

    expect(health.json()).toEqual({ status: 'ok' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'ok', peopleCore: 'ok' });
  });

  it('answers 503 from /ready when a dependency does not answer in time', async () => {
    const unready = await startTestApp({
      ready: () => Promise.resolve({ database: 'ok', peopleCore: 'timeout' }),
    });
    try {
      const ready = await unready.app.inject({ method: 'GET', url: '/ready' });

      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'unready', peopleCore: 'timeout' });
    } finally {
      await unready.close();
    }
  });

  it('counts requests and runs in /metrics', async () => {
    const headers = await test.bearer();
    const segment = test.context.emulator!.population.segments.find(
      (candidate) => candidate.source.kind === 'visitor',
    )!;
    await test.app.inject({
      method: 'POST',
      url: '/v1/datasources',
      headers,
      payload: segment.source.shared,
    });
    await test.context.emulator!.admin.deliver(segment.source.destinationId, { mode: 'full' });
    const created = await test.app.inject({
      method: 'POST',
      url: '/v1/audiences',
      headers,
      payload: { label: 'M', sharedAudienceId: String(segment.sid), dataSourceId: segment.source.shared.id },
    });
    await settledRun(test.app, headers, created.json().run.id);

    const metrics = await test.app.inject({ method: 'GET', url: '/metrics' });

    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain(
      'audience_bridge_http_request_duration_seconds_bucket{le="0.005",method="POST",route="/v1/audiences",status="201"}',
    );
    expect(metrics.body).toContain('audience_bridge_runs_total{kind="import",outcome="succeeded"} 1');
    expect(metrics.body).toMatch(/audience_bridge_ids_processed_total\{kind="import"\} [1-9]/);
    expect(metrics.body).toContain(
      'audience_bridge_run_duration_seconds_count{kind="import",outcome="succeeded"} 1',
    );
  });

  it('generates the OpenAPI document from the route schemas', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/openapi.json' });
    const document = response.json();

    expect(document.openapi).toBe('3.0.3');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/datasources',
        '/v1/audiences/{id}/sync',
        '/v1/workflows/validate',
        '/v1/exports',
        '/v1/runs/{id}/rejects.csv',
        '/v1/profiles',
      ]),
    );
    expect(
      document.paths['/v1/audiences'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(expect.arrayContaining(['label', 'sharedAudienceId', 'dataSourceId']));
    expect(document.paths['/v1/runs/{id}'].get.responses['404']).toBeDefined();
  });

  it('answers every failure in the one shape', async () => {
    const headers = await test.bearer();
    const unknown = await test.app.inject({ method: 'GET', url: '/v2/nothing' });
    const badJson = await test.app.inject({
      method: 'POST',
      url: '/v1/datasources',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"id":',
    });
    const badPage = await test.app.inject({ method: 'GET', url: '/v1/audiences?limit=0&offset=-1', headers });

    for (const response of [unknown, badJson, badPage])
      expect(Object.keys(response.json()).sort()).toEqual(['code', 'details', 'message']);
    expect(unknown.statusCode).toBe(404);
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe('VALIDATION.INVALID_INPUT');
    expect(badPage.json().details.issues).toHaveLength(2);
  });

  it('limits the request rate per client with 429 HTTP.RATE_LIMITED', async () => {
    const limited = await startTestApp({ rateLimitPerMinute: 2 });
    try {
      const headers = await limited.bearer();
      const answers = [];
      for (let i = 0; i < 3; i += 1)
        answers.push(await limited.app.inject({ method: 'GET', url: '/v1/datasources', headers }));

      expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 429]);
      expect(answers[2]!.json().code).toBe('HTTP.RATE_LIMITED');
      expect((await limited.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('serve on the embedded default', () => {
  let service: RunningService;
  const logs = new LogCapture();

  beforeAll(async () => {
    service = await serve(tempConfig('ab-serve-', { AB_LOG_LEVEL: 'silent' }).config, {
      port: 0,
      handleSignals: false,
      logger: PinoLogger.create('info', logs),
    });
  });
  afterAll(() => service.close());

  it('renders /docs over real HTTP with its assets served locally and a relaxed policy there only', async () => {
    const page = await fetch(`${service.url}/docs`);
    const html = await page.text();
    const bundle = await fetch(`${service.url}/docs/static/swagger-ui-bundle.js`);
    const api = await fetch(`${service.url}/health`);

    expect(page.status).toBe(200);
    expect(html).toContain('swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    expect(page.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    expect(api.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the OpenAPI document the docs page reads', async () => {
    const response = await fetch(`${service.url}/openapi.json`);

    expect(response.status).toBe(200);
    expect((await response.json()) as object).toHaveProperty('paths');
  });

  it('runs an import on its job thread and brings the run, its log lines and its metrics back', async () => {
    const emulator = service.context.emulator!;
    const headers = { authorization: `Bearer ${await emulator.mintToken()}` };
    const segment = emulator.population.segments.find((candidate) => candidate.source.kind === 'visitor')!;
    const post = (url: string, body: unknown): Promise<Response> =>
      fetch(`${service.url}${url}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('/v1/datasources', segment.source.shared);
    await emulator.admin.deliver(segment.source.destinationId, { mode: 'full' });
    const created = (await (
      await post('/v1/audiences', {
        label: 'Threaded',
        sharedAudienceId: String(segment.sid),
        dataSourceId: segment.source.shared.id,
      })
    ).json()) as { run: { id: string } };

    let run: Record<string, unknown> = {};
    for (let attempt = 0; attempt < 200; attempt += 1) {
      run = (await (await fetch(`${service.url}/v1/runs/${created.run.id}`, { headers })).json()) as Record<
        string,
        unknown
      >;
      if (run['status'] !== 'queued' && run['status'] !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    const threadLines = logs.lines.filter((line) => line.includes(`"runId":"${created.run.id}"`));

    expect(run).toMatchObject({
      status: 'succeeded',
      report: { counts: { input: segment.members.length + segment.malformedIds.length } },
    });
    expect(metrics).toMatch(/audience_bridge_runs_total\{kind="import",outcome="succeeded"\} 1/);
    expect(threadLines.some((line) => line.includes('run succeeded'))).toBe(true);
  });
});
