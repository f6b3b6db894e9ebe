import { DomainError } from '@audience-bridge/domain';
import { afterEach, describe, expect, it } from 'vitest';

import { createPeopleCore } from '../src/createPeopleCore.js';
import { json, startFakeHttp, type SeenRequest } from './support/fakeHttp.js';

const segment = (sid: number) => ({
  sid,
  name: `Segment ${sid}`,
  description: null,
  segmentRule: `${sid}T`,
  folderId: 1,
  integrationCode: null,
  status: 'ACTIVE',
  dataSourceId: 20914,
  mergeRuleDataSourceId: 20914,
  pid: 99,
  createTime: 1,
  updateTime: 2,
});
const trait = {
  sid: 500,
  name: 'Trait',
  description: 'd',
  traitType: 'ON_BOARDED_TRAIT',
  dataSourceId: 20914,
  pid: 99,
};

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function aam(route: (request: SeenRequest, url: URL) => [number, unknown]) {
  const server = await startFakeHttp((request, response) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/ims/token/v3') {
      json(response, 200, { access_token: 'tok', token_type: 'bearer', expires_in: 3600 });
      return;
    }
    const [status, body] = route(request, url);
    json(response, status, body);
  });
  close = server.close;
  const peopleCore = createPeopleCore({
    restUrl: `${server.url}/v1`,
    imsUrl: server.url,
    clientId: 'client-1',
    clientSecret: 'secret',
    exchange: '/tmp/unused-exchange',
    pageSize: 10,
    resilience: { retries: 2, initialBackoffMs: 5, maxBackoffMs: 20 },
  });
  return { ...peopleCore, seen: server.seen };
}

const paged = (items: unknown[], url: URL): [number, unknown] => {
  const page = Number(url.searchParams.get('page'));
  const size = Number(url.searchParams.get('pageSize'));
  return [
    200,
    { list: items.slice(page * size, (page + 1) * size), page, pageSize: size, total: items.length },
  ];
};

describe('AamRestClient and AamSharedAudienceCatalog', () => {
  it('should read every page of segments and traits with the bearer token and API key', async () => {
    const segments = Array.from({ length: 25 }, (_, i) => segment(i + 1));
    const { catalog, seen } = await aam((_request, url) =>
      url.pathname === '/v1/segments' ? paged(segments, url) : [200, [trait]],
    );

    const listed = await catalog.list();

    expect(listed.filter((item) => item.kind === 'segment').map((item) => item.id)).toEqual(
      segments.map((s) => String(s.sid)),
    );
    expect(listed.at(-1)).toEqual({
      id: '500',
      name: 'Trait',
      kind: 'trait',
      dataSourceId: 20914,
      description: 'd',
    });
    const segmentCalls = seen.filter((request) => request.url.startsWith('/v1/segments'));
    expect(segmentCalls.map((request) => request.url)).toEqual(
      [0, 1, 2].map((page) => `/v1/segments?page=${page}&pageSize=10`),
    );
    expect(segmentCalls[0]!.headers.authorization).toBe('Bearer tok');
    expect(segmentCalls[0]!.headers['x-api-key']).toBe('client-1');
  });

  it('should get a segment, fall back to a trait, and answer null when neither exists', async () => {
    const { catalog } = await aam((_request, url) => {
      if (url.pathname === '/v1/segments/7') return [200, segment(7)];
      if (url.pathname === '/v1/traits/500') return [200, trait];
      return [404, { code: 'not_found', message: 'no such item' }];
    });

    expect(await catalog.get('7')).toMatchObject({ id: '7', kind: 'segment', description: '' });
    expect(await catalog.get('500')).toMatchObject({ id: '500', kind: 'trait' });
    expect(await catalog.get('9')).toBeNull();
    expect(await catalog.get('not-a-sid')).toBeNull();
  });

  it('should create a segment with the fields AAM requires', async () => {
    const { catalog, seen } = await aam((request) => [201, { ...segment(77), ...JSON.parse(request.body) }]);

    const created = await catalog.createSegment({ name: 'Exported', dataSourceId: 31338 });

    expect(created).toMatchObject({ id: '77', name: 'Exported', kind: 'segment', dataSourceId: 31338 });
    expect(JSON.parse(seen.at(-1)!.body)).toMatchObject({
      name: 'Exported',
      folderId: 0,
      dataSourceId: 31338,
      mergeRuleDataSourceId: 31338,
      segmentRule: expect.any(String),
    });
  });

  it('should refuse a 4xx with the service message, without retrying', async () => {
    const { catalog, seen } = await aam(() => [
      400,
      { code: 'bad_request', message: 'data source 31338 does not exist' },
    ]);

    const error: unknown = await catalog
      .createSegment({ name: 'X', dataSourceId: 31338 })
      .catch((caught: unknown) => caught);

    expect(DomainError.is(error, 'PEOPLECORE.REJECTED')).toBe(true);
    expect((error as Error).message).toContain('data source 31338 does not exist');
    expect(
      seen.filter((request) => request.method === 'POST' && request.url === '/v1/segments'),
    ).toHaveLength(1);
  });

  it('should refuse an answer of the wrong shape, naming the field', async () => {
    const { rest } = await aam(() => [200, [{ sid: 'seven', name: 'x', dataSourceId: 1 }]]);

    await expect(rest.listSegments()).rejects.toThrow(/item 0 .*sid/);
  });

  it('should take a bare array as the whole list, and retry once with a new token after 401', async () => {
    let first = true;
    const { rest, seen } = await aam(() => {
      if (first) {
        first = false;
        return [401, { message: 'expired' }];
      }
      return [200, [segment(1), segment(2)]];
    });

    expect((await rest.listSegments()).map((s) => s.sid)).toEqual([1, 2]);
    expect(seen.filter((request) => request.url === '/ims/token/v3')).toHaveLength(2);
  });
});
