import type { Principal } from '@audience-bridge/domain';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

import type { TokenVerification } from '../../composition/peopleCoreSettings.js';
import { ApiError } from '../errors/errorTable.js';
import { ApiKeys } from './ApiKeys.js';

/** The request headers authentication reads. */
export interface Credentials {
  readonly authorization?: string | undefined;
  readonly apiKey?: string | undefined;
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Turns the credentials of a request into a principal: an IMS bearer token (RS256, checked against
 * the JWKS, issuer, audience and expiry) or a local API key. Neither the token nor the key ever
 * enters an error message.
 */
export class Authenticator {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly apiKeys: ApiKeys;

  constructor(
    private readonly tokens: TokenVerification,
    apiKeys: string,
  ) {
    this.jwks = createRemoteJWKSet(new URL(tokens.jwksUrl), { timeoutDuration: 5000 });
    this.apiKeys = new ApiKeys(apiKeys);
  }

  async principalOf(credentials: Credentials): Promise<Principal> {
    if (credentials.authorization !== undefined) return this.fromBearer(credentials.authorization);
    if (credentials.apiKey !== undefined) return this.fromApiKey(credentials.apiKey);

    throw ApiError.unauthenticated(
      'Send an IMS access token as Authorization: Bearer <token>, or a local key as x-api-key',
    );
  }

  private async fromBearer(header: string): Promise<Principal> {
    const token = BEARER.exec(header)?.[1];
    if (token === undefined)
      throw ApiError.unauthenticated('The Authorization header must be Bearer <IMS access token>');

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        issuer: this.tokens.issuer,
        audience: this.tokens.audience,
        algorithms: ['RS256'],
      }));
    } catch (error) {
      throw ApiError.unauthenticated(
        `The access token was refused (${reasonOf(error)}); sign in through IMS again`,
      );
    }

    return principalFromClaims(payload);
  }

  private fromApiKey(key: string): Principal {
    const principal = this.apiKeys.principalOf(key);
    if (principal === null) throw ApiError.unauthenticated('The x-api-key is not one of the configured keys');

    return principal;
  }
}

/** The principal an IMS token's claims describe; a token without an organisation is refused. */
export function principalFromClaims(payload: JWTPayload): Principal {
  const orgId = payload['org_id'];
  if (typeof orgId !== 'string' || orgId === '') {
    throw ApiError.unauthenticated(
      'The access token names no organisation (org_id); use a token of a technical account',
    );
  }
  const subject = [payload['user_id'], payload.sub, payload['client_id']].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );

  return {
    orgId,
    subject: subject ?? 'unknown',
    authMethod: payload['auth_method'] === 'local' ? 'local' : 'ims',
  };
}

/** jose's error code, which says why without quoting the token. */
function reasonOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const reasons: Record<string, string> = {
    ERR_JWT_EXPIRED: 'it has expired',
    ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'its signature does not verify',
    ERR_JWT_CLAIM_VALIDATION_FAILED: 'its issuer or audience is not the expected one',
    ERR_JWKS_NO_MATCHING_KEY: 'it is signed by an unknown key',
    ERR_JWS_INVALID: 'it is not a well-formed token',
    ERR_JWT_INVALID: 'it is not a well-formed token',
    ERR_JOSE_ALG_NOT_ALLOWED: 'its algorithm is not RS256',
    ERR_JWKS_TIMEOUT: 'the signing keys could not be fetched in time',
  };

  return (typeof code === 'string' ? reasons[code] : undefined) ?? 'it could not be verified';
}
