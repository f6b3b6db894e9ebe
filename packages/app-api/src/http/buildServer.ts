import { randomUUID } from 'node:crypto';

import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';

import type { AppContext } from '../composition/openAppContext.js';
import { InProcessJobQueue } from '../jobs/InProcessJobQueue.js';
import type { JobQueue } from '../jobs/JobQueue.js';
import { JobRunner } from '../jobs/JobRunner.js';
import { RunStarter } from '../jobs/RunStarter.js';
import { Metrics } from '../metrics/Metrics.js';
import { Authenticator } from './auth/Authenticator.js';
import { requireAuthentication } from './auth/authenticate.js';
import { registerDocs } from './docs.js';
import { ApiError } from './errors/errorTable.js';
import { installErrorHandling } from './errors/errorHandler.js';
import { readinessCheck, type Readiness } from './readiness.js';
import { audienceRoutes } from './routes/audiences.js';
import { dataSourceRoutes } from './routes/dataSources.js';
import { exportRoutes } from './routes/exports.js';
import { healthRoutes } from './routes/health.js';
import { profileRoutes } from './routes/profiles.js';
import type { RouteDeps } from './routes/RouteDeps.js';
import { runRoutes } from './routes/runs.js';
import { sharedAudienceRoutes } from './routes/sharedAudiences.js';
import { workflowRoutes } from './routes/workflows.js';

/** Options of `buildServer`; every one has a default fit for production. */
export interface BuildServerOptions {
  /** Where started runs are queued; default an in-process queue worked by this server and stopped with it. */
  readonly queue?: JobQueue;
  readonly metrics?: Metrics;
  /** Requests per minute per client address; `false` turns rate limiting off. Default 600. */
  readonly rateLimitPerMinute?: number | false;
  /** Largest JSON body in bytes; default 1 MiB. */
  readonly bodyLimit?: number;
  /** Largest profiles body (JSON array or NDJSON) in bytes; default 16 MiB. */
  readonly profilesBodyLimit?: number;
  /** Replaces the readiness check (tests). */
  readonly ready?: () => Promise<Readiness>;
}

const VERSION = '0.1.0';

/** The HTTP API on an open application context: routes under `/v1`, probes, metrics and docs. */
export async function buildServer(
  context: AppContext,
  options: BuildServerOptions = {},
): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger = context.logger.raw;
  const app = Fastify({
    loggerInstance,
    genReqId: () => randomUUID(),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const metrics = options.metrics ?? new Metrics();
  recordHttpDurations(app, metrics);
  await app.register(helmet, { global: true });
  await registerRateLimit(app, options.rateLimitPerMinute ?? 600);
  await registerDocs(app, VERSION);

  await app.register(healthRoutes, { ready: options.ready ?? readinessCheck(context), metrics });
  const deps: RouteDeps = {
    context,
    runs: new RunStarter(
      context.ports,
      context.useCases,
      await queueFor(app, context, options.queue, metrics),
    ),
    profilesBodyLimit: options.profilesBodyLimit ?? 16 * 1_048_576,
  };
  await app.register(
    async (v1) => {
      v1.decorateRequest('principal', null);
      requireAuthentication(v1, new Authenticator(context.tokens, context.config.AB_API_KEYS));
      for (const routes of [
        dataSourceRoutes,
        sharedAudienceRoutes,
        profileRoutes,
        audienceRoutes,
        workflowRoutes,
        exportRoutes,
        runRoutes,
      ]) {
        await v1.register(routes, deps);
      }
    },
    { prefix: '/v1' },
  );
  await app.ready();

  return app;
}

/** The given queue, or an in-process one worked by this server and stopped when it closes. */
async function queueFor(
  app: FastifyInstance,
  context: AppContext,
  given: JobQueue | undefined,
  metrics: Metrics,
): Promise<JobQueue> {
  if (given !== undefined) return given;

  const runner = new JobRunner({
    useCases: context.useCases,
    runs: context.ports.runs,
    clock: context.ports.clock,
    logger: context.logger,
    metrics,
  });
  const queue = new InProcessJobQueue({ logger: context.logger, onDropped: runner.dropQueued });
  await queue.work(runner.run, runner.deadLetter);
  app.addHook('onClose', () => queue.stop());

  return queue;
}

async function registerRateLimit(app: FastifyInstance, perMinute: number | false): Promise<void> {
  if (perMinute === false) return;

  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        'HTTP.RATE_LIMITED',
        `Too many requests: at most ${context.max} a minute; retry in ${context.after}`,
      ),
  });
}

function recordHttpDurations(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
}
