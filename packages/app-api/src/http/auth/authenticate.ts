import type { Principal } from '@audience-bridge/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { ApiError } from '../errors/errorTable.js';
import type { Authenticator } from './Authenticator.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by the authentication hook on every `/v1` route. */
    principal: Principal | null;
  }
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];

  return Array.isArray(value) ? value[0] : value;
};

/** Requires credentials on every route of the given scope and records the principal on the request. */
export function requireAuthentication(app: FastifyInstance, authenticator: Authenticator): void {
  app.addHook('onRequest', async (request) => {
    request.principal = await authenticator.principalOf({
      authorization: header(request, 'authorization'),
      apiKey: header(request, 'x-api-key'),
    });
  });
}

/** The authenticated principal of a request. */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw ApiError.unauthenticated('The request is not authenticated');

  return request.principal;
}
