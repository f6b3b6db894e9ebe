import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { principalOf } from '../auth/authenticate.js';
import { commonErrors } from '../schemas/common.js';
import { valueOf, type RouteDeps } from './RouteDeps.js';

const sharedAudienceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['segment', 'trait']),
    dataSourceId: z.number().int(),
    description: z.string(),
  })
  .describe('SharedAudience');

/** The People core catalog: segments (importable) and traits. */
export const sharedAudienceRoutes: FastifyPluginCallbackZod<RouteDeps> = (app, { context }, done) => {
  app.get('/shared-audiences', {
    schema: {
      tags: ['shared audiences'],
      summary: 'List People core segments and traits',
      querystring: z.object({ kind: z.enum(['segment', 'trait']).optional() }),
      response: { 200: z.object({ items: z.array(sharedAudienceSchema) }), ...commonErrors },
    },
    handler: async (request) => {
      const { kind } = request.query;
      const items = valueOf(
        await context.useCases.sharedAudiences.execute(
          principalOf(request),
          kind === undefined ? {} : { kind },
        ),
      );

      return { items: items.map((item) => ({ ...item })) };
    },
  });

  done();
};
