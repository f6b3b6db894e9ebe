import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { Catalog } from '../catalog/Catalog.js';
import { createSegment } from '../catalog/createSegment.js';
import type { OrgCatalog } from '../catalog/OrgCatalog.js';
import { authenticate, type AuthContext } from './authenticate.js';
import { createSegmentBodySchema } from './createSegmentBody.js';
import type { Journal } from '../state/Journal.js';
import { pageOf } from './paging.js';

/** What the AAM REST routes need. */
export interface RestContext extends AuthContext {
  readonly catalog: Catalog;
  readonly now: () => number;
  readonly journal: Journal;
}

type Lookup = (org: OrgCatalog, key: string) => object | undefined;

const bySid =
  <T extends { sid: number; integrationCode: string | null }>(
    items: (org: OrgCatalog) => Map<number, T>,
  ): Lookup =>
  (org, key) => {
    const all = items(org);
    if (key.startsWith('ic:')) return [...all.values()].find((item) => item.integrationCode === key.slice(3));

    return /^\d+$/.test(key) ? all.get(Number(key)) : undefined;
  };

const lookups: Readonly<Record<string, Lookup>> = {
  segments: bySid((org) => org.segments),
  traits: bySid((org) => org.traits),
  datasources: (org, key) => (/^\d+$/.test(key) ? org.dataSources.get(Number(key)) : undefined),
};

const listings: Readonly<Record<string, (org: OrgCatalog) => Map<number, object>>> = {
  segments: (org) => org.segments,
  traits: (org) => org.traits,
  datasources: (org) => org.dataSources,
};

function sorted(map: Map<number, object>): object[] {
  return [...map.entries()].sort(([left], [right]) => left - right).map(([, item]) => item);
}

/** The AAM REST subset: list and read data sources, segments and traits, and create segments. */
export function restRoutes(app: FastifyInstance, context: RestContext): void {
  const withOrg = async (request: FastifyRequest, reply: FastifyReply): Promise<OrgCatalog | null> => {
    const principal = await authenticate(request, reply, context);

    return principal === null ? null : context.catalog.org(principal.orgId);
  };

  for (const [resource, listing] of Object.entries(listings)) {
    app.get(`/v1/${resource}`, async (request, reply) => {
      const org = await withOrg(request, reply);
      if (org === null) return reply;
      const page = pageOf(sorted(listing(org)), request.query);

      return (
        page ??
        reply.code(400).send({ code: 'bad_request', message: 'page must be ≥ 0 and pageSize 1–10000' })
      );
    });
  }
  for (const [resource, lookup] of Object.entries(lookups)) {
    app.get<{ Params: { key: string } }>(`/v1/${resource}/:key`, async (request, reply) => {
      const org = await withOrg(request, reply);
      if (org === null) return reply;

      return (
        lookup(org, request.params.key) ??
        reply.code(404).send({ code: 'not_found', message: `no such ${resource} item` })
      );
    });
  }
  app.post('/v1/segments', async (request, reply) => {
    const org = await withOrg(request, reply);
    if (org === null) return reply;
    const body = createSegmentBodySchema.safeParse(request.body);
    if (!body.success) {
      const issues = body.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      }));
      return reply.code(400).send({ code: 'bad_request', message: 'the segment is invalid', issues });
    }
    const time = context.now();
    const created = createSegment(context.catalog, org.orgId, body.data, time);
    if (created.ok) context.journal.record({ op: 'createSegment', orgId: org.orgId, body: body.data, time });

    return created.ok
      ? reply.code(201).send(created.segment)
      : reply
          .code(created.status)
          .send({ code: created.status === 409 ? 'conflict' : 'bad_request', message: created.message });
  });
}
