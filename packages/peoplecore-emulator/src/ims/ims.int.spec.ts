import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { restHeaders, startTestEmulator, type TestEmulator } from '../../test/startTestEmulator.js';

const clients = [
  {
    clientId: 'audience-bridge',
    clientSecret: 's3cret',
    orgId: 'ORG1@AdobeOrg',
    userId: 'tech@techacct.adobe.com',
  },
  {
    clientId: 'other',
    clientSecret: 'other-secret',
    orgId: 'ORG2@AdobeOrg',
    userId: 'other@techacct.adobe.com',
  },
];

function tokenRequest(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

describe('emulated IMS', () => {
  let test: TestEmulator;
  let url: string;

  beforeAll(async () => {
    test = await startTestEmulator({
      clients,
      issuer: 'https://ims.test',
      audience: 'bridge-tests',
      tokenLifetimeSeconds: 600,
    });
    url = test.emulator.url;
  });
  afterAll(() => test.stop());

  it('should issue a token that verifies against its JWKS with the IMS claims', async () => {
    const grant = {
      grant_type: 'client_credentials',
      client_id: 'audience-bridge',
      client_secret: 's3cret',
      scope: 'openid,AdobeID',
    };

    const response = await fetch(`${url}/ims/token/v3`, tokenRequest(grant));
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    const jwks = createRemoteJWKSet(new URL(`${url}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks, {
      issuer: 'https://ims.test',
      audience: 'bridge-tests',
    });

    expect(response.status).toBe(200);
    expect(body.token_type).toBe('bearer');
    expect(body.expires_in).toBe(600);
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: 'tech@techacct.adobe.com',
      org_id: 'ORG1@AdobeOrg',
      client_id: 'audience-bridge',
      user_id: 'tech@techacct.adobe.com',
      auth_method: 'ims',
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600);
  });

  it('should serve the same key set at /ims/keys', async () => {
    const keys = (await (await fetch(`${url}/ims/keys`)).json()) as { keys: { kid: string; d?: string }[] };

    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]?.kid).toBe(test.emulator.jwks.keys[0]?.kid);
    expect(keys.keys[0]?.d).toBeUndefined();
  });

  it('should refuse a bad grant, an unknown client and a wrong secret with IMS errors', async () => {
    const badGrant = await fetch(
      `${url}/ims/token/v3`,
      tokenRequest({ grant_type: 'password', client_id: 'audience-bridge', client_secret: 's3cret' }),
    );
    const unknown = await fetch(
      `${url}/ims/token/v3`,
      tokenRequest({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' }),
    );
    const wrong = await fetch(
      `${url}/ims/token/v3`,
      tokenRequest({ grant_type: 'client_credentials', client_id: 'audience-bridge', client_secret: 'nope' }),
    );
    const missing = await fetch(`${url}/ims/token/v3`, tokenRequest({ grant_type: 'client_credentials' }));

    expect([badGrant.status, unknown.status, wrong.status, missing.status]).toEqual([400, 400, 401, 400]);
    expect(await badGrant.json()).toMatchObject({ error: 'unsupported_grant_type' });
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('should refuse REST calls with no, expired, foreign-audience or wrongly keyed tokens', async () => {
    const good = await test.emulator.mintToken();
    const expired = await test.emulator.mintToken({ lifetimeSeconds: -60 });
    const otherAudience = await test.emulator.mintToken({ audience: 'someone-else' });
    const otherIssuer = await test.emulator.mintToken({ issuer: 'https://evil.test' });
    const status = async (headers: Record<string, string>) =>
      (await fetch(`${url}/v1/segments`, { headers })).status;

    expect(await status(restHeaders(good))).toBe(200);
    expect(await status({})).toBe(401);
    expect(await status(restHeaders(expired))).toBe(401);
    expect(await status(restHeaders(otherAudience))).toBe(401);
    expect(await status(restHeaders(otherIssuer))).toBe(401);
    expect(await status(restHeaders(`${good.slice(0, -4)}AAAA`))).toBe(401);
    expect(await status(restHeaders(good, 'other'))).toBe(403);
  });

  it('should keep its tokens valid across a restart with the same signing key', async () => {
    const token = await test.emulator.mintToken();
    const again = await startTestEmulator({
      clients,
      issuer: 'https://ims.test',
      audience: 'bridge-tests',
      signingKey: test.emulator.signingKey,
    });

    const response = await fetch(`${again.emulator.url}/v1/datasources`, { headers: restHeaders(token) });
    await again.stop();

    expect(response.status).toBe(200);
  });
});
