import { DomainError } from '@audience-bridge/domain';
import { afterEach, describe, expect, it } from 'vitest';

import { ResilientHttpClient } from '../src/http/ResilientHttpClient.js';
import { retryAfterMs } from '../src/http/retryAfter.js';
import { json, startFakeHttp, type FakeHandler } from './support/fakeHttp.js';
import { fastSettings } from './support/settings.js';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function serve(handler: FakeHandler) {
  const server = await startFakeHttp(handler);
  close = server.close;
  return server;
}

const get = (url: string, path = '/') => ({
  method: 'GET' as const,
  url: `${url}${path}`,
  what: `GET ${path}`,
});

describe('ResilientHttpClient', () => {
  it('should wait out Retry-After on 429 and 503 without counting it as a failure', async () => {
    let calls = 0;
    const server = await serve((_request, response) => {
      calls += 1;
      if (calls === 1) {
        json(response, 429, { message: 'slow down' }, { 'retry-after': '1' });
        return;
      }
      if (calls === 2) {
        json(response, 503, { message: 'busy' }, { 'retry-after': '0' });
        return;
      }
      json(response, 200, { ok: true });
    });
    const client = new ResilientHttpClient('Fake', fastSettings({ breakerThreshold: 1, retries: 0 }));

    const started = Date.now();
    const answer = await client.send(get(server.url));

    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(calls).toBe(3);
  });

  it('should return exact answers when 20% of attempts fail', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const server = await serve((request, response) => {
      if (random() < 0.2) {
        json(response, random() < 0.5 ? 500 : 429, { message: 'injected' });
        return;
      }
      json(response, 200, { echo: request.url });
    });
    const client = new ResilientHttpClient('Fake', fastSettings());

    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) => client.send(get(server.url, `/item/${i}`))),
    );

    expect(answers.map((answer) => (JSON.parse(answer.text) as { echo: string }).echo)).toEqual(
      Array.from({ length: 150 }, (_, i) => `/item/${i}`),
    );
    expect(server.seen.length).toBeGreaterThan(150);
  });

  it('should retry a timed-out attempt of an idempotent call, but not of a non-idempotent one', async () => {
    let calls = 0;
    const server = await serve((_request, response) => {
      calls += 1;
      if (calls % 2 === 1) return;
      json(response, 200, { ok: true });
    });
    const client = new ResilientHttpClient('Fake', fastSettings({ attemptTimeoutMs: 150 }));

    expect((await client.send(get(server.url))).status).toBe(200);
    const error: unknown = await client
      .send({ method: 'POST', url: server.url, what: 'POST /x', body: '{}', idempotent: false })
      .catch((caught: unknown) => caught);

    expect(DomainError.is(error, 'PEOPLECORE.UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toMatch(/not retried because it may have been applied/);
  });

  it('should open the circuit after consecutive failures and stop calling the service', async () => {
    const server = await serve((_request, response) => {
      json(response, 500, { message: 'down' });
    });
    const client = new ResilientHttpClient('Fake', fastSettings({ retries: 1, breakerThreshold: 3 }));

    const first: unknown = await client.send(get(server.url)).catch((caught: unknown) => caught);
    const second: unknown = await client.send(get(server.url)).catch((caught: unknown) => caught);
    const seenWhenOpen = server.seen.length;
    const third: unknown = await client.send(get(server.url)).catch((caught: unknown) => caught);

    expect((first as Error).message).toMatch(/still failed after 2 attempts \(last answer HTTP 500\)/);
    expect(DomainError.is(second, 'PEOPLECORE.UNAVAILABLE')).toBe(true);
    expect((third as Error).message).toMatch(/circuit breaker is open.*Check that the service is reachable/);
    expect(server.seen.length).toBe(seenWhenOpen);
    expect(seenWhenOpen).toBe(3);
  });

  it('should hand 4xx answers back to the caller unretried', async () => {
    const server = await serve((_request, response) => {
      json(response, 404, { message: 'nope' });
    });
    const client = new ResilientHttpClient('Fake', fastSettings());

    expect((await client.send(get(server.url))).status).toBe(404);
    expect(server.seen).toHaveLength(1);
  });

  it('should read Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});
