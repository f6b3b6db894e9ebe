import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { principalOf } from '../auth/authenticate.js';
import { commonErrors, errorSchema, idParamsSchema } from '../schemas/common.js';
import {
  dataSourceInputSchema,
  dataSourceSummarySchema,
  toDataSource,
  toDataSourceDto,
} from '../schemas/dataSources.js';
import { valueOf, type RouteDeps } from './RouteDeps.js';

const tags = ['data sources'];

/** Shared data sources: add, list, show; a key or IV is accepted on add and never shown. */
export const dataSourceRoutes: FastifyPluginCallbackZod<RouteDeps> = (app, { context }, done) => {
  const { dataSources } = context.useCases;

  app.post('/datasources', {
    schema: {
      tags,
      summary: 'Add a shared data source',
      body: dataSourceInputSchema,
      response: { 201: dataSourceSummarySchema, 409: errorSchema, 422: errorSchema, ...commonErrors },
    },
    handler: async (request, reply) => {
      const added = valueOf(await dataSources.add(principalOf(request), toDataSource(request.body)));

      return reply.code(201).send(toDataSourceDto(added));
    },
  });

  app.get('/datasources', {
    schema: {
      tags,
      summary: 'List the data sources',
      response: { 200: z.object({ items: z.array(dataSourceSummarySchema) }), ...commonErrors },
    },
    handler: async (request) => ({
      items: valueOf(await dataSources.list(principalOf(request))).map(toDataSourceDto),
    }),
  });

  app.get('/datasources/:id', {
    schema: {
      tags,
      summary: 'Show a data source (never its key or IV)',
      params: idParamsSchema,
      response: { 200: dataSourceSummarySchema, ...commonErrors },
    },
    handler: async (request) =>
      toDataSourceDto(valueOf(await dataSources.show(principalOf(request), request.params.id))),
  });

  done();
};
