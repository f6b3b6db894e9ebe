import type { Principal } from '@audience-bridge/domain';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { principalOf } from '../auth/authenticate.js';
import {
  commonErrors,
  errorSchema,
  idParamsSchema,
  noBodySchema,
  pageOf,
  pageQuerySchema,
} from '../schemas/common.js';
import { runSchema, toRunDto } from '../schemas/runs.js';
import {
  savedWorkflowSchema,
  toWorkflowDto,
  validationSchema,
  workflowDocumentBodySchema,
} from '../schemas/workflows.js';
import { valueOf, type RouteDeps } from './RouteDeps.js';

const tags = ['workflows'];

/** Saved workflows: create, validate (a dry run), list, show, update, delete, start. */
export const workflowRoutes: FastifyPluginCallbackZod<RouteDeps> = (app, deps, done) => {
  const { workflows } = deps.context.useCases;

  app.post('/workflows', {
    schema: {
      tags,
      summary: 'Save a workflow',
      body: workflowDocumentBodySchema,
      response: { 201: savedWorkflowSchema, 422: errorSchema, ...commonErrors },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(toWorkflowDto(valueOf(await workflows.create(principalOf(request), request.body)))),
  });

  app.post('/workflows/validate', {
    schema: {
      tags,
      summary:
        'Check a workflow without saving or running it: every problem, or an estimated population per activity',
      body: workflowDocumentBodySchema,
      response: { 200: validationSchema, ...commonErrors },
    },
    handler: async (request) => validate(deps, principalOf(request), request.body),
  });

  app.get('/workflows', {
    schema: {
      tags,
      summary: 'List saved workflows',
      querystring: pageQuerySchema,
      response: { 200: pageOf(savedWorkflowSchema), ...commonErrors },
    },
    handler: async (request) => {
      const page = valueOf(await workflows.list(principalOf(request), request.query));

      return { ...page, items: page.items.map(toWorkflowDto) };
    },
  });

  app.get('/workflows/:id', {
    schema: {
      tags,
      summary: 'Show a saved workflow',
      params: idParamsSchema,
      response: { 200: savedWorkflowSchema, ...commonErrors },
    },
    handler: async (request) =>
      toWorkflowDto(valueOf(await workflows.show(principalOf(request), request.params.id))),
  });

  app.put('/workflows/:id', {
    schema: {
      tags,
      summary: 'Replace a workflow document (its version is bumped)',
      params: idParamsSchema,
      body: workflowDocumentBodySchema,
      response: { 200: savedWorkflowSchema, 422: errorSchema, ...commonErrors },
    },
    handler: async (request) =>
      toWorkflowDto(valueOf(await workflows.update(principalOf(request), request.params.id, request.body))),
  });

  app.delete('/workflows/:id', {
    schema: {
      tags,
      summary: 'Delete a workflow',
      params: idParamsSchema,
      response: { 204: z.null(), ...commonErrors },
    },
    handler: async (request, reply) => {
      valueOf(await workflows.delete(principalOf(request), request.params.id));

      return reply.code(204).send(null);
    },
  });

  app.post('/workflows/:id/start', {
    schema: {
      tags,
      summary: 'Queue a run of a saved workflow',
      params: idParamsSchema,
      body: noBodySchema,
      response: { 202: runSchema, ...commonErrors },
    },
    handler: async (request, reply) =>
      reply
        .code(202)
        .send(toRunDto(valueOf(await deps.runs.startWorkflow(principalOf(request), request.params.id)))),
  });

  done();
};

async function validate(
  deps: RouteDeps,
  principal: Principal,
  document: unknown,
): Promise<z.infer<typeof validationSchema>> {
  const plan = deps.context.useCases.workflows.validate(principal, document);
  if (!plan.ok) {
    const { error } = plan;
    if (error.code !== 'WORKFLOW.INVALID') throw error;
    const issues = error.details['issues'];

    return {
      valid: false,
      problems: Array.isArray(issues) ? issues.map(String) : [error.message],
      activities: [],
    };
  }
  const estimate = await deps.context.useCases.estimateWorkflow.execute(principal, document);
  if (!estimate.ok) {
    if (estimate.error.code !== 'NOT_FOUND') throw estimate.error;
    return { valid: false, problems: [estimate.error.message], activities: [] };
  }
  const activities = plan.value.activities.map((activity) => ({
    id: activity.id,
    type: activity.type,
    kind: plan.value.kinds[activity.id] ?? 'unknown',
    estimatedCount: estimate.value.activities[activity.id] ?? 0,
  }));

  return { valid: true, problems: [], activities };
}
