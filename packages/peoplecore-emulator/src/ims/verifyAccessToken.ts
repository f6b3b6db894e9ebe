import { jwtVerify } from 'jose';

import type { SigningKeys } from './SigningKeys.js';

/** Who a verified token speaks for. */
export interface TokenPrincipal {
  readonly orgId: string;
  readonly clientId: string;
  readonly userId: string;
  readonly authMethod: string;
}

/** A verified principal, or why the token is refused. */
export type VerifyResult =
  { readonly ok: true; readonly principal: TokenPrincipal } | { readonly ok: false; readonly reason: string };

function claimString(payload: Record<string, unknown>, name: string): string | null {
  const value = payload[name];

  return typeof value === 'string' && value !== '' ? value : null;
}

/** Verifies signature, issuer, audience and expiry of a bearer token the way a resource server would. */
export async function verifyAccessToken(
  token: string,
  keys: SigningKeys,
  expected: { readonly issuer: string; readonly audience: string },
): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, { ...expected, algorithms: ['RS256'] });
    const orgId = claimString(payload, 'org_id');
    const clientId = claimString(payload, 'client_id');
    const userId = claimString(payload, 'user_id') ?? payload.sub ?? null;
    const authMethod = claimString(payload, 'auth_method');
    if (orgId === null || clientId === null || userId === null || authMethod === null) {
      return { ok: false, reason: 'the token lacks org_id, client_id, user_id or auth_method' };
    }

    return { ok: true, principal: { orgId, clientId, userId, authMethod } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'the token is invalid' };
  }
}
