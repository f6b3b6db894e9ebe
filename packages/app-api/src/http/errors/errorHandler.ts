import { DomainError } from '@audience-bridge/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

import { ApiError, describeError, type ErrorBody } from './errorTable.js';

/** Fastify's own errors by their code, as the API's codes. */
const fastifyCodes: Readonly<Record<string, ApiError['code']>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'HTTP.PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION.INVALID_INPUT',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION.INVALID_INPUT',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION.INVALID_INPUT',
};

/** Every issue of a schema validation failure, as `where.path: message`. */
function validationIssues(error: FastifyError): string[] {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return error.validation.map((issue) => {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const where = error.validationContext ?? 'input';

      return `${path === '' ? where : `${where}.${path}`}: ${issue.message}`;
    });
  }

  return (error.validation ?? []).map((issue) => `${issue.instancePath}: ${issue.message ?? 'invalid'}`);
}

/** The API error any thrown value stands for; anything unexpected becomes INTERNAL without its details. */
export function toApiError(error: unknown): DomainError | ApiError {
  if (error instanceof ApiError || DomainError.is(error)) return error;

  const fastifyError = error as FastifyError;
  if (Array.isArray(fastifyError.validation)) {
    const issues = validationIssues(fastifyError);
    return new ApiError('VALIDATION.INVALID_INPUT', `The request is not valid: ${issues.join('; ')}`, {
      issues,
    });
  }
  const mapped = typeof fastifyError.code === 'string' ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped !== undefined) return new ApiError(mapped, fastifyError.message);
  if (fastifyError.statusCode === 429)
    return new ApiError('HTTP.RATE_LIMITED', 'Too many requests: slow down and retry later');
  if (
    fastifyError.statusCode !== undefined &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return new ApiError('VALIDATION.INVALID_INPUT', fastifyError.message);
  }

  return new ApiError('INTERNAL', 'The service failed unexpectedly; the error is logged with the request id');
}

/** Sends every error in the one shape, mapped once through the error table. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const mapped = toApiError(error);
    const { status, body } = describeError(mapped);
    if (status >= 500) {
      const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
      request.log.error({ code: body.code, reason }, 'request failed');
    }

    return reply
      .code(status)
      .type('application/json')
      .send(body satisfies ErrorBody);
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const body: ErrorBody = {
      code: 'NOT_FOUND',
      message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      details: {},
    };

    return reply.code(404).send(body);
  });
}
