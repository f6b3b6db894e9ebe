import type { AppContext, TokenVerification } from '@audience-bridge/app-api';
import type { Principal } from '@audience-bridge/domain';
import { createRemoteJWKSet, jwtVerify } from 'jose';

import { CliError } from '../output/errors.js';
import { readToken } from './tokenCache.js';

/** What a command needs: an IMS identity (import, export, writes) or any identity of the org (reads and plain writes). */
export type Need = 'ims' | 'any';

const LOGIN_HINT = 'run `audience-bridge login`';

/** Verifies an access token against the configured issuer, audience and JWKS, and reads its principal. */
export async function verifyToken(tokens: TokenVerification, token: string): Promise<Principal> {
  const keys = createRemoteJWKSet(new URL(tokens.jwksUrl));
  const { payload } = await jwtVerify(token, keys, { issuer: tokens.issuer, audience: tokens.audience });
  const orgId = payload['org_id'];
  if (typeof orgId !== 'string' || typeof payload.sub !== 'string') {
    throw CliError.auth(`the cached token names no organisation or subject: ${LOGIN_HINT} again`);
  }

  return { orgId, subject: payload.sub, authMethod: payload['auth_method'] === 'ims' ? 'ims' : 'local' };
}

/** The principal of the cached token, or why there is none. */
async function cachedPrincipal(context: AppContext): Promise<Principal | string> {
  const cached = readToken();
  if (cached === null) return `no IMS token is cached: ${LOGIN_HINT}`;
  try {
    return await verifyToken(context.tokens, cached.accessToken);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `the cached IMS token is not valid (${reason}): ${LOGIN_HINT} again`;
  }
}

/** The org reads run in without a token: `AB_ORG_ID`, else the embedded emulator's organisation. */
function localOrg(context: AppContext): string | null {
  const configured = process.env['AB_ORG_ID'];
  if (configured !== undefined && configured !== '') return configured;

  return context.emulator?.population.orgId ?? null;
}

/**
 * Who runs the command. Import, export and writes need a valid cached IMS token; reads fall back to
 * a local principal of the configured organisation.
 */
export async function resolvePrincipal(context: AppContext, need: Need): Promise<Principal> {
  const found = await cachedPrincipal(context);
  if (typeof found !== 'string') {
    if (need === 'ims' && found.authMethod !== 'ims')
      throw CliError.auth(`the cached token is not an IMS user token: ${LOGIN_HINT}`);
    return found;
  }
  if (need === 'ims') throw CliError.auth(found);

  const orgId = localOrg(context);
  if (orgId === null) throw CliError.auth(`${found}, or set AB_ORG_ID to read as a local principal`);

  return { orgId, subject: 'local-cli', authMethod: 'local' };
}
