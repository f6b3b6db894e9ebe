import { json, startFakeHttp } from './fakeHttp.js';

/** A minimal AAM REST fake that accepts any data source: enough for the catalog contract kit. */
export async function startFakeAam(): Promise<{ url: string; close: () => Promise<void> }> {
  const segments = new Map<number, Record<string, unknown>>();
  let nextSid = 5000;
  return startFakeHttp((request, response) => {
    const url = new URL(request.url, 'http://fake');
    if (url.pathname === '/ims/token/v3') {
      json(response, 200, { access_token: 'fake-token', token_type: 'bearer', expires_in: 3600 });
    } else if (url.pathname === '/v1/segments' && request.method === 'POST') {
      nextSid += 1;
      const segment = {
        ...(JSON.parse(request.body) as Record<string, unknown>),
        sid: nextSid,
        description: '',
        status: 'ACTIVE',
      };
      segments.set(nextSid, segment);
      json(response, 201, segment);
    } else if (url.pathname === '/v1/segments' || url.pathname === '/v1/traits') {
      json(response, 200, url.pathname === '/v1/traits' ? [] : [...segments.values()]);
    } else {
      const segment = /^\/v1\/segments\/([0-9]+)$/.exec(url.pathname)?.[1];
      const found = segment === undefined ? undefined : segments.get(Number(segment));
      if (found === undefined) json(response, 404, { message: 'not found' });
      else json(response, 200, found);
    }
  });
}
