import { SignJWT } from 'jose';

import type { AuthMethod } from '@audience-bridge/domain';

import type { SigningKeys } from './SigningKeys.js';

/** The claims of an emulated IMS access token, and overrides a test may use to make bad ones. */
export interface TokenClaims {
  readonly issuer: string;
  readonly audience: string;
  readonly clientId: string;
  readonly orgId: string;
  readonly userId: string;
  readonly authMethod: AuthMethod;
  /** Seconds from `issuedAt` to expiry; negative gives a token already expired. */
  readonly lifetimeSeconds: number;
  /** Unix seconds; the current time by default. */
  readonly issuedAt?: number;
}

/** Signs an RS256 access token carrying `iss`, `aud`, `sub`, `exp`, `iat`, `org_id`, `client_id`, `user_id`, `auth_method`. */
export async function mintToken(keys: SigningKeys, claims: TokenClaims): Promise<string> {
  const issuedAt = claims.issuedAt ?? Math.floor(Date.now() / 1000);

  return new SignJWT({
    org_id: claims.orgId,
    client_id: claims.clientId,
    user_id: claims.userId,
    auth_method: claims.authMethod,
  })
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setSubject(claims.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + claims.lifetimeSeconds)
    .sign(keys.privateKey);
}
