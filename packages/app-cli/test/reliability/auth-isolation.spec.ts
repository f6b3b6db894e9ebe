import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openApiRig, LOCAL_API_KEY, type ApiRig } from './support/apiRig.js';
import {
  bodyFor,
  credentials,
  documentedRoutes,
  IMS_ONLY,
  urlOf,
  type Credential,
  type Route,
} from './support/authMatrix.js';
import { recordFigures, Tally } from './support/figures.js';
import { SCENARIO_MASTER_KEY } from './support/scenario.js';

const tally = new Tally();
let rig: ApiRig;

beforeAll(async () => {
  rig = await openApiRig({ size: 400, rateLimit: false });
});

afterAll(async () => {
  await rig.close();
  recordFigures({
    suite: 'auth and isolation',
    figures: tally.toRecord(),
    lost: tally.get('secrets leaked'),
  });
});

/** The status each credential must get on a route; `foreignIds` are the org's ids the request did not name. */
function expectStatus(
  credential: Credential,
  route: Route,
  status: number,
  body: string,
  foreignIds: readonly string[],
): void {
  const key = `${route.method} ${route.path}`;
  const where = `${credential.name} on ${key} answered ${status}: ${body.slice(0, 200)}`;
  if (['none', 'bad signature', 'wrong issuer', 'wrong audience', 'expired'].includes(credential.name)) {
    expect(status, where).toBe(401);
  } else if (credential.name === 'local principal') {
    if (IMS_ONLY.includes(key)) expect(status, where).toBe(403);
    else expect(status === 401 || status === 403 || status >= 500, where).toBe(false);
  } else if (credential.name === 'other org') {
    if (route.path.includes('{')) expect(status, where).toBe(404);
    expect(
      foreignIds.filter((id) => body.includes(id)),
      where,
    ).toEqual([]);
  } else {
    expect(status === 401 || status === 403 || status >= 500, where).toBe(false);
  }
}

describe('every API route against the whole token matrix', () => {
  it('answers 401 to bad credentials, 403 to local principals on import and export, 404 across orgs, and never leaks a secret', async () => {
    const routes = await documentedRoutes(rig);
    const { all, tokens } = await credentials(rig);
    const bodies: string[] = [];
    for (const key of IMS_ONLY) expect(routes.map((route) => `${route.method} ${route.path}`)).toContain(key);

    // Deletions go last, so that the objects the other routes aim at still exist.
    const ordered = routes
      .filter((entry) => entry.path.startsWith('/v1/'))
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const route of ordered) {
      for (const credential of all) {
        const payload = bodyFor(rig, route);
        const response = await rig.app.inject({
          method: route.method as 'GET',
          url: urlOf(rig, route.path),
          headers: credential.headers,
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        bodies.push(response.body);
        const asked = urlOf(rig, route.path) + JSON.stringify(payload ?? null);
        // Data-source ids are names the caller picks (the probes reuse them), so only generated ids are
        // searched. The People core account serves its own organisation, so its segments are foreign on
        // the catalog routes (elsewhere the id may sit in a workflow the other org wrote itself).
        const catalog = route.path.startsWith('/v1/shared-audiences') ? [rig.ids.sharedAudience] : [];
        const foreign = [rig.ids.audience, rig.ids.workflow, rig.ids.run, ...catalog].filter(
          (id) => !asked.includes(id),
        );
        expectStatus(credential, route, response.statusCode, response.body, foreign);
        tally.add('requests', 1);
      }
      tally.add('routes', 1);
    }

    const aes = rig.emulator.population.dataSources.flatMap((source) =>
      'key' in source.shared.encryption ? [source.shared.encryption.key, source.shared.encryption.iv] : [],
    );
    const secrets = [...tokens, 'emulator-secret', LOCAL_API_KEY, SCENARIO_MASTER_KEY, ...aes];
    const logs = rig.logs.text();
    const leaked = secrets.filter(
      (secret) => logs.includes(secret) || bodies.some((body) => body.includes(secret)),
    );
    tally.add('credentials in the matrix', all.length);
    tally.add('secrets searched in logs and bodies', secrets.length);
    tally.add('log bytes searched', logs.length);
    tally.add('secrets leaked', leaked.length);

    expect(logs).toContain('"reqId"');
    expect(aes.length).toBeGreaterThan(0);
    expect(leaked.map((secret) => secret.slice(0, 12))).toEqual([]);
  });
});
