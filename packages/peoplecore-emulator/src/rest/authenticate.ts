import type { FastifyReply, FastifyRequest } from 'fastify';

import type { SigningKeys } from '../ims/SigningKeys.js';
import { verifyAccessToken, type TokenPrincipal } from '../ims/verifyAccessToken.js';

/** What AAM REST calls are checked against. */
export interface AuthContext {
  readonly keys: SigningKeys;
  readonly issuer: string;
  readonly audience: string;
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);

  return match?.[1] ?? null;
}

/**
 * The principal of an AAM REST call, or `null` after answering 401 (no or bad token) or 403
 * (`x-api-key` missing or not the token's client id), the way the real gateway does.
 */
export async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  context: AuthContext,
): Promise<TokenPrincipal | null> {
  const token = bearerOf(request);
  if (token === null) {
    await reply.code(401).send({ code: 'unauthorized', message: 'a Bearer access token is required' });
    return null;
  }
  const verified = await verifyAccessToken(token, context.keys, context);
  if (!verified.ok) {
    await reply
      .code(401)
      .send({ code: 'unauthorized', message: `the access token is refused: ${verified.reason}` });
    return null;
  }
  if (request.headers['x-api-key'] !== verified.principal.clientId) {
    await reply
      .code(403)
      .send({ code: 'forbidden', message: 'x-api-key must be the client id the token was issued to' });
    return null;
  }

  return verified.principal;
}
