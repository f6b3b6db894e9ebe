import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LOCAL_KEY, startTestApp, type TestApp } from './support/testApp.js';

describe('authentication and org scoping', () => {
  let test: TestApp;
  let segmentId: string;
  let dataSourceId: string;

  beforeAll(async () => {
    test = await startTestApp();
    const population = test.context.emulator!.population;
    const segment = population.segments.find((candidate) => candidate.source.kind === 'visitor')!;
    segmentId = String(segment.sid);
    dataSourceId = segment.source.shared.id;
    await test.context.useCases.dataSources.add(
      { orgId: test.orgId, subject: 'setup', authMethod: 'ims' },
      segment.source.shared,
    );
  });
  afterAll(() => test.close());

  const list = (headers: Record<string, string>) =>
    test.app.inject({ method: 'GET', url: '/v1/datasources', headers });

  it('answers 401 AUTH.UNAUTHENTICATED without credentials', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/v1/datasources' });

    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', details: {} });
  });

  it('answers 401 to a token signed by another key', async () => {
    const kid = test.context.emulator!.jwks.keys[0]!.kid!;
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ org_id: test.orgId, user_id: 'mallory', auth_method: 'ims' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(test.context.tokens.issuer)
      .setAudience(test.context.tokens.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);

    const response = await list({ authorization: `Bearer ${forged}` });

    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(response.body).not.toContain(forged);
  });

  it.each([
    ['a wrong issuer', { issuer: 'https://ims.elsewhere.example' }],
    ['a wrong audience', { audience: 'someone-else' }],
    ['an expired token', { lifetimeSeconds: -60 }],
  ])('answers 401 to %s', async (_name, overrides) => {
    const token = await test.token(overrides);

    const response = await list({ authorization: `Bearer ${token}` });

    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(response.body).not.toContain(token);
  });

  it('answers 401 to a malformed header and to an unknown API key', async () => {
    expect((await list({ authorization: 'Basic abc' })).statusCode).toBe(401);
    expect((await list({ 'x-api-key': 'not-a-key' })).json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('lets a valid IMS token and a local API key read', async () => {
    expect((await list(await test.bearer())).statusCode).toBe(200);
    expect((await list({ 'x-api-key': LOCAL_KEY })).statusCode).toBe(200);
  });

  it('refuses import and export to a local API-key principal with 403 AUTH.IMS_REQUIRED', async () => {
    const headers = { 'x-api-key': LOCAL_KEY };
    const body = { label: 'From key', sharedAudienceId: segmentId, dataSourceId };

    const imported = await test.app.inject({ method: 'POST', url: '/v1/audiences', headers, payload: body });
    const exported = await test.app.inject({
      method: 'POST',
      url: '/v1/exports',
      headers,
      payload: { name: 'x', activities: [{ id: 'q', type: 'query', filter: null }] },
    });

    expect(imported.statusCode).toBe(403);
    expect(imported.json()).toMatchObject({ code: 'AUTH.IMS_REQUIRED' });
    expect(exported.statusCode).toBe(403);
    expect((await test.app.inject({ method: 'GET', url: '/v1/audiences', headers })).json()).toMatchObject({
      total: 0,
    });
  });

  it("answers 404 for another organisation's audience, run and data source", async () => {
    const owner = await test.bearer();
    const created = await test.app.inject({
      method: 'POST',
      url: '/v1/audiences',
      headers: owner,
      payload: { label: 'Mine', sharedAudienceId: segmentId, dataSourceId },
    });
    expect(created.statusCode).toBe(201);
    const { audience, run } = created.json<{ audience: { id: string }; run: { id: string } }>();
    const stranger = await test.bearer({ orgId: 'OTHER00000000000000000@AdobeOrg' });

    for (const url of [
      `/v1/audiences/${audience.id}`,
      `/v1/audiences/${audience.id}/members`,
      `/v1/runs/${run.id}`,
      `/v1/datasources/${dataSourceId}`,
    ]) {
      const response = await test.app.inject({ method: 'GET', url, headers: stranger });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const sync = await test.app.inject({
      method: 'POST',
      url: `/v1/audiences/${audience.id}/sync`,
      headers: stranger,
    });
    expect(sync.statusCode).toBe(404);
  });

  it('never writes a token, API key or data-source key into a response or a log line', async () => {
    const aes = test.context.emulator!.population.dataSources.find(
      (source) => source.kind === 'aesEmail',
    )!.shared;
    const token = await test.token();
    const headers = { authorization: `Bearer ${token}` };
    const added = await test.app.inject({
      method: 'POST',
      url: '/v1/datasources',
      headers,
      payload: { ...aes, id: 'aes-copy' },
    });
    const shown = await test.app.inject({
      method: 'GET',
      url: '/v1/datasources/aes-copy',
      headers: { 'x-api-key': LOCAL_KEY },
    });
    const listed = await list(headers);
    const secret = aes.encryption as { key: string; iv: string };

    expect(added.statusCode).toBe(201);
    for (const response of [added, shown, listed]) {
      expect(response.body).not.toContain(secret.key);
      expect(response.body).not.toContain(secret.iv);
      expect(response.json()).not.toHaveProperty('encryption.key');
    }
    const logs = test.logs.text();
    expect(logs).toContain('"reqId"');
    for (const value of [token, LOCAL_KEY, secret.key, secret.iv]) expect(logs).not.toContain(value);
  });
});
