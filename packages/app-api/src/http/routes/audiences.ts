import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { principalOf } from '../auth/authenticate.js';
import {
  audienceSchema,
  audienceTypeSchema,
  createImportSchema,
  toAudienceDto,
} from '../schemas/audiences.js';
import {
  commonErrors,
  errorSchema,
  idParamsSchema,
  noBodySchema,
  pageOf,
  pageQuerySchema,
} from '../schemas/common.js';
import { runSchema, toRunDto } from '../schemas/runs.js';
import { valueOf, type RouteDeps } from './RouteDeps.js';

const tags = ['audiences'];

/** Audiences: create an import (queues its first sync), list, show, members, sync now. */
export const audienceRoutes: FastifyPluginCallbackZod<RouteDeps> = (app, { context, runs }, done) => {
  const { audiences, createImport } = context.useCases;

  app.post('/audiences', {
    schema: {
      tags,
      summary: 'Import a People core segment as an audience; its first sync is queued',
      body: createImportSchema,
      response: {
        201: z.object({ audience: audienceSchema, run: runSchema }),
        422: errorSchema,
        ...commonErrors,
      },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const audience = valueOf(await createImport.execute(principal, request.body));
      const run = valueOf(await runs.sync(principal, audience.id));

      return reply.code(201).send({ audience: toAudienceDto(audience), run: toRunDto(run) });
    },
  });

  app.get('/audiences', {
    schema: {
      tags,
      summary: 'List audiences',
      querystring: pageQuerySchema.extend({ type: audienceTypeSchema.optional() }),
      response: { 200: pageOf(audienceSchema), ...commonErrors },
    },
    handler: async (request) => {
      const { offset, limit, type } = request.query;
      const page = valueOf(await audiences.list(principalOf(request), { offset, limit }, type));

      return { ...page, items: page.items.map(toAudienceDto) };
    },
  });

  app.get('/audiences/:id', {
    schema: {
      tags,
      summary: 'Show an audience',
      params: idParamsSchema,
      response: { 200: audienceSchema, ...commonErrors },
    },
    handler: async (request) =>
      toAudienceDto(valueOf(await audiences.show(principalOf(request), request.params.id))),
  });

  app.get('/audiences/:id/members', {
    schema: {
      tags,
      summary: 'Members of the current version: profile keys, or addresses for a file audience',
      params: idParamsSchema,
      querystring: pageQuerySchema,
      response: { 200: pageOf(z.string()), ...commonErrors },
    },
    handler: async (request) => {
      const page = valueOf(await audiences.members(principalOf(request), request.params.id, request.query));

      return { ...page, items: [...page.items] };
    },
  });

  app.post('/audiences/:id/sync', {
    schema: {
      tags,
      summary: 'Queue a sync of an imported audience now',
      params: idParamsSchema,
      body: noBodySchema,
      response: { 202: runSchema, 422: errorSchema, ...commonErrors },
    },
    handler: async (request, reply) => {
      const run = valueOf(await runs.sync(principalOf(request), request.params.id));

      return reply.code(202).send(toRunDto(run));
    },
  });

  done();
};
