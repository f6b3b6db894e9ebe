import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';

import type { ImsClient } from './ImsClient.js';
import { mintToken } from './mintToken.js';
import type { SigningKeys } from './SigningKeys.js';

/** What the IMS routes need: the keys, the accepted clients and the claims every token carries. */
export interface ImsContext {
  readonly keys: SigningKeys;
  readonly clients: readonly ImsClient[];
  readonly issuer: string;
  readonly audience: string;
  readonly tokenLifetimeSeconds: number;
}

const tokenRequestSchema = z.object({
  grant_type: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  scope: z.string().optional(),
});

function imsError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  return reply.code(status).send({ error, error_description: description });
}

function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);

  return left.length === right.length && left.equals(right);
}

/** The IMS token endpoint (client credentials) and the JWKS that verifies its tokens. */
export function imsRoutes(app: FastifyInstance, context: ImsContext): void {
  const jwks = { keys: [context.keys.publicJwk] };
  app.get('/ims/keys', () => jwks);
  app.get('/.well-known/jwks.json', () => jwks);

  app.post('/ims/token/v3', async (request, reply) => {
    const parsed = tokenRequestSchema.safeParse(request.body ?? {});
    const body = parsed.success ? parsed.data : {};
    if (body.grant_type !== 'client_credentials') {
      return imsError(reply, 400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    }
    if (body.client_id === undefined || body.client_secret === undefined) {
      return imsError(reply, 400, 'invalid_request', 'client_id and client_secret are required');
    }
    const client = context.clients.find((candidate) => candidate.clientId === body.client_id);
    if (client === undefined) return imsError(reply, 400, 'invalid_client', 'invalid client_id parameter');
    if (!sameSecret(body.client_secret, client.clientSecret)) {
      return imsError(reply, 401, 'invalid_client', 'invalid client_secret parameter');
    }

    const token = await mintToken(context.keys, {
      ...client,
      issuer: context.issuer,
      audience: context.audience,
      lifetimeSeconds: context.tokenLifetimeSeconds,
    });

    return { access_token: token, token_type: 'bearer', expires_in: context.tokenLifetimeSeconds };
  });
}
