import { generateKeyPair, SignJWT } from 'jose';

import type { ApiRig } from './apiRig.js';
import { exportWorkflow, LOCAL_API_KEY } from './apiRig.js';

/** One way of (not) being authenticated, and the headers it sends. */
export interface Credential {
  readonly name:
    | 'none'
    | 'bad signature'
    | 'wrong issuer'
    | 'wrong audience'
    | 'expired'
    | 'local principal'
    | 'other org'
    | 'valid IMS';
  readonly headers: Record<string, string>;
}

/** An API route as the OpenAPI document lists it. */
export interface Route {
  readonly method: string;
  readonly path: string;
  /** Whether the operation declares a request body. */
  readonly hasBody: boolean;
}

/** Every `/v1` route of the running API, read from its OpenAPI document. */
export async function documentedRoutes(rig: ApiRig): Promise<Route[]> {
  const response = await rig.app.inject({ method: 'GET', url: '/openapi.json' });
  const paths = response.json<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>().paths;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        hasBody: operation.requestBody !== undefined,
      })),
  );
}

async function forgedToken(rig: ApiRig): Promise<string> {
  const kid = rig.emulator.jwks.keys[0]?.kid ?? 'unknown';
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ org_id: rig.principal.orgId, user_id: 'mallory', auth_method: 'ims' })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(rig.context.tokens.issuer)
    .setAudience(rig.context.tokens.audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

/** The full matrix of credentials, and every secret string it used. */
export async function credentials(rig: ApiRig): Promise<{ all: Credential[]; tokens: string[] }> {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const tokens = [
    await forgedToken(rig),
    await rig.emulator.mintToken({ issuer: 'https://ims.elsewhere.example' }),
    await rig.emulator.mintToken({ audience: 'someone-else' }),
    await rig.emulator.mintToken({ lifetimeSeconds: -60 }),
    await rig.emulator.mintToken({ orgId: 'OTHERORG00000000000000000@AdobeOrg' }),
    await rig.emulator.mintToken(),
  ];
  const names = [
    'bad signature',
    'wrong issuer',
    'wrong audience',
    'expired',
    'other org',
    'valid IMS',
  ] as const;
  const all: Credential[] = [
    { name: 'none', headers: {} },
    { name: 'local principal', headers: { 'x-api-key': LOCAL_API_KEY } },
    ...names.map((name, index) => ({ name, headers: bearer(tokens[index] ?? '') })),
  ];
  return { all, tokens };
}

/** A concrete URL for a documented path, aimed at the rig's own objects. */
export function urlOf(rig: ApiRig, path: string): string {
  const idFor: [string, string][] = [
    ['/v1/datasources/', rig.ids.dataSource],
    ['/v1/audiences/', rig.ids.audience],
    ['/v1/workflows/', rig.ids.workflow],
    ['/v1/runs/', rig.ids.run],
    ['/v1/shared-audiences/', rig.ids.sharedAudience],
  ];
  const id = idFor.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'unknown';
  return path.replace(/\{[A-Za-z]+\}/g, encodeURIComponent(id));
}

/** A valid body for each route that takes one, so that validation never answers before authorization. */
export function bodyFor(rig: ApiRig, route: Route): unknown {
  const workflow = exportWorkflow('probe', rig.ids.sharedAudience, rig.ids.dataSource);
  const source = rig.emulator.population.dataSources.find((entry) => entry.kind === 'crmId')?.shared;
  const bodies: Record<string, unknown> = {
    'POST /v1/datasources': { ...source, id: `probe-${Math.random().toString(36).slice(2)}` },
    'POST /v1/profiles': [{ key: 'auth-probe', email: 'probe@example.com' }],
    'POST /v1/audiences': {
      label: 'probe',
      sharedAudienceId: rig.ids.sharedAudience,
      dataSourceId: rig.ids.dataSource,
    },
    'POST /v1/workflows': workflow,
    'POST /v1/workflows/validate': workflow,
    'PUT /v1/workflows/{id}': workflow,
    'POST /v1/exports': workflow,
  };
  return bodies[`${route.method} ${route.path}`];
}

/** Routes that import from or export to People core: a local (non-IMS) principal gets 403 there. */
export const IMS_ONLY = [
  'POST /v1/audiences',
  'POST /v1/audiences/{id}/sync',
  'POST /v1/exports',
  'POST /v1/workflows/{id}/start',
];
