import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';

import { EmulatorError } from '../shared/EmulatorError.js';

function statusOf(error: unknown): number {
  if (error instanceof ZodError) return 400;
  if (EmulatorError.is(error)) return error.code === 'EMULATOR.NOT_FOUND' ? 404 : 400;
  const status = (error as Partial<FastifyError>).statusCode;

  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** Maps errors once: invalid input to 400 with every issue, unknown objects to 404, the rest to 500. */
export function errorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error, _request, reply) => {
    const status = statusOf(error);
    const issues =
      error instanceof ZodError
        ? error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
        : undefined;
    const message =
      status === 500 ? 'internal error' : error instanceof Error ? error.message : 'request refused';
    if (status === 500) app.log.error({ err: error }, 'unhandled error');

    return reply.code(status).send({
      code: status === 404 ? 'not_found' : status === 500 ? 'internal_error' : 'bad_request',
      message,
      ...(issues === undefined ? {} : { issues }),
    });
  });
}
