import { authorize } from '@audience-bridge/domain';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { principalOf } from '../auth/authenticate.js';
import { commonErrors, errorSchema } from '../schemas/common.js';
import { runSchema, toRunDto } from '../schemas/runs.js';
import { savedWorkflowSchema, toWorkflowDto, workflowDocumentBodySchema } from '../schemas/workflows.js';
import { valueOf, type RouteDeps } from './RouteDeps.js';

/** An export in one step: the workflow is saved, then a run of it is queued. */
export const exportRoutes: FastifyPluginCallbackZod<RouteDeps> = (app, { context, runs }, done) => {
  app.post('/exports', {
    schema: {
      tags: ['exports'],
      summary: 'Save a workflow and queue its run (an export when it shares a save audience)',
      body: workflowDocumentBodySchema,
      response: {
        202: z.object({ workflow: savedWorkflowSchema, run: runSchema }),
        422: errorSchema,
        ...commonErrors,
      },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      valueOf(authorize(principal, 'export'));
      const workflow = valueOf(await context.useCases.workflows.create(principal, request.body));
      const run = valueOf(await runs.startWorkflow(principal, workflow.id));

      return reply.code(202).send({ workflow: toWorkflowDto(workflow), run: toRunDto(run) });
    },
  });

  done();
};
