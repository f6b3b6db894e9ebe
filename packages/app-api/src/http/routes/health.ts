import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import type { Metrics } from '../../metrics/Metrics.js';
import type { Readiness } from '../readiness.js';

export interface HealthDeps {
  readonly ready: () => Promise<Readiness>;
  readonly metrics: Metrics;
}

const outcome = z.enum(['ok', 'failed', 'timeout']);
const readinessSchema = z.object({
  status: z.enum(['ready', 'unready']),
  database: outcome,
  peopleCore: outcome,
});
const noLimit = { rateLimit: false } as const;

/** Probes and metrics, without authentication: `/health` (the process is up), `/ready`, `/metrics`. */
export const healthRoutes: FastifyPluginCallbackZod<HealthDeps> = (app, { ready, metrics }, done) => {
  app.get('/health', {
    config: noLimit,
    schema: {
      tags: ['operations'],
      summary: 'The process is up',
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    handler: () => ({ status: 'ok' as const }),
  });

  app.get('/ready', {
    config: noLimit,
    schema: {
      tags: ['operations'],
      summary: 'The database answers and People core gives a token',
      response: { 200: readinessSchema, 503: readinessSchema },
    },
    handler: async (_request, reply) => {
      const checks = await ready();
      const isReady = checks.database === 'ok' && checks.peopleCore === 'ok';

      return reply.code(isReady ? 200 : 503).send({ status: isReady ? 'ready' : 'unready', ...checks });
    },
  });

  app.get('/metrics', {
    config: noLimit,
    schema: { tags: ['operations'], summary: 'Prometheus metrics', response: { 200: z.string() } },
    handler: async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  });

  done();
};
