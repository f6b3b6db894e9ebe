import { DomainError } from '@audience-bridge/domain';
import { afterEach, describe, expect, it } from 'vitest';

import { ResilientHttpClient } from '../src/http/ResilientHttpClient.js';
import { ImsTokenProvider } from '../src/ims/ImsTokenProvider.js';
import { json, startFakeHttp } from './support/fakeHttp.js';
import { fastSettings } from './support/settings.js';

const secret = 'very-secret-value';
let close: (() => Promise<void>) | null = null;

afterEach(async () => {
  await close?.();
  close = null;
});

async function ims(answer: (count: number) => [number, unknown], now: () => number = Date.now) {
  let count = 0;
  const server = await startFakeHttp((_request, response) => {
    count += 1;
    const [status, body] = answer(count);
    setTimeout(() => {
      json(response, status, body);
    }, 20);
  });
  close = server.close;
  const provider = new ImsTokenProvider(
    { imsUrl: `${server.url}/`, clientId: 'client-1', clientSecret: secret, scope: 'openid,AdobeID' },
    new ResilientHttpClient('IMS', fastSettings()),
    now,
  );
  return { provider, seen: server.seen };
}

describe('ImsTokenProvider', () => {
  it('should post client credentials as a form and cache the token, sharing one request between callers', async () => {
    const { provider, seen } = await ims((n) => [
      200,
      { access_token: `token-${n}`, token_type: 'bearer', expires_in: 86399 },
    ]);

    const tokens = await Promise.all([provider.token(), provider.token(), provider.token()]);
    const again = await provider.token();

    expect(tokens).toEqual(['token-1', 'token-1', 'token-1']);
    expect(again).toBe('token-1');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('/ims/token/v3');
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: secret,
      scope: 'openid,AdobeID',
    });
  });

  it('should refresh at 90% of the lifetime, and after invalidate', async () => {
    let now = 1_000_000;
    const { provider, seen } = await ims(
      (n) => [200, { access_token: `token-${n}`, token_type: 'bearer', expires_in: 100 }],
      () => now,
    );

    await provider.token();
    now += 89_000;
    const stillCached = await provider.token();
    now += 2_000;
    const refreshed = await provider.token();
    provider.invalidate();
    const afterInvalidate = await provider.token();

    expect([stillCached, refreshed, afterInvalidate]).toEqual(['token-1', 'token-2', 'token-3']);
    expect(seen).toHaveLength(3);
  });

  it('should refuse bad credentials with the service message and never echo the secret', async () => {
    const { provider } = await ims(() => [
      401,
      { error: 'invalid_client', error_description: 'invalid client id or secret' },
    ]);

    const error: unknown = await provider.token().catch((caught: unknown) => caught);

    expect(DomainError.is(error, 'PEOPLECORE.REJECTED')).toBe(true);
    expect((error as Error).message).toContain('invalid client id or secret');
    expect(
      JSON.stringify({ message: (error as Error).message, details: (error as DomainError).details }),
    ).not.toContain(secret);
  });

  it('should refuse a malformed token answer', async () => {
    const { provider } = await ims(() => [200, { access_token: '', token_type: 'mac' }]);

    await expect(provider.token()).rejects.toThrow(
      /malformed token response \(fields: access_token, token_type, expires_in\)/,
    );
  });
});
