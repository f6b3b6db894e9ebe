import { z } from 'zod';

import type { ImsClient } from './ImsClient.js';
import type { TokenClaims } from './mintToken.js';

/** Claims a test may change to mint a token the emulator itself would not issue (expired, other org…). */
export const tokenOverridesSchema = z.strictObject({
  clientId: z.string().min(1).optional(),
  orgId: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
  authMethod: z.enum(['ims', 'local']).optional(),
  issuer: z.string().min(1).optional(),
  audience: z.string().min(1).optional(),
  /** Negative for a token already expired. */
  lifetimeSeconds: z.int().optional(),
  issuedAt: z.int().optional(),
});

export type TokenOverrides = z.input<typeof tokenOverridesSchema>;

/** The claims of a token for the named client (the first one by default), with overrides applied. */
export function tokenClaimsFor(
  clients: readonly ImsClient[],
  defaults: { readonly issuer: string; readonly audience: string; readonly lifetimeSeconds: number },
  overrides: TokenOverrides = {},
): TokenClaims {
  const client = clients.find((candidate) => candidate.clientId === overrides.clientId) ?? clients[0];
  const { clientId, orgId, userId, authMethod, issuer, audience, lifetimeSeconds, issuedAt } = overrides;

  return {
    clientId: clientId ?? client?.clientId ?? 'unknown-client',
    orgId: orgId ?? client?.orgId ?? 'unknown-org',
    userId: userId ?? client?.userId ?? 'unknown-user',
    authMethod: authMethod ?? client?.authMethod ?? 'ims',
    issuer: issuer ?? defaults.issuer,
    audience: audience ?? defaults.audience,
    lifetimeSeconds: lifetimeSeconds ?? defaults.lifetimeSeconds,
    ...(issuedAt === undefined ? {} : { issuedAt }),
  };
}
