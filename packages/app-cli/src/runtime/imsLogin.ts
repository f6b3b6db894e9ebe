import type { AppContext } from '@audience-bridge/app-api';
import { z } from 'zod';

import { CliError } from '../output/errors.js';
import type { CachedToken } from './tokenCache.js';

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

interface Credentials {
  readonly imsUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
}

/** The client credentials to log in with: the configured ones, or the embedded emulator's default client. */
export async function loginCredentials(context: AppContext): Promise<Credentials> {
  const { config, emulator } = context;
  const { defaultImsClient } = await import('@audience-bridge/peoplecore-emulator');
  const imsUrl = config.AB_IMS_URL ?? emulator?.url ?? config.AB_PEOPLECORE_URL;
  const clientId = config.AB_IMS_CLIENT_ID ?? (emulator ? defaultImsClient.clientId : undefined);
  const clientSecret = config.AB_IMS_CLIENT_SECRET ?? (emulator ? defaultImsClient.clientSecret : undefined);
  if (clientId === undefined || clientSecret === undefined) {
    throw CliError.usage('set AB_IMS_CLIENT_ID and AB_IMS_CLIENT_SECRET to log in to the configured IMS');
  }

  return { imsUrl: imsUrl.replace(/\/$/, ''), clientId, clientSecret, scope: config.AB_IMS_SCOPE };
}

/** Asks IMS for an access token by client credentials (`POST /ims/token/v3`). */
export async function requestImsToken(credentials: Credentials): Promise<CachedToken> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    scope: credentials.scope,
  });
  const answer = await fetch(`${credentials.imsUrl}/ims/token/v3`, { method: 'POST', body }).catch(
    (error: unknown) => {
      throw new CliError(
        `IMS at ${credentials.imsUrl} is unreachable (${String(error)}): check AB_IMS_URL`,
        1,
        'IMS.UNREACHABLE',
      );
    },
  );
  if (answer.status === 400 || answer.status === 401) {
    throw CliError.auth(
      `IMS refused the client credentials (HTTP ${answer.status}): check AB_IMS_CLIENT_ID and AB_IMS_CLIENT_SECRET`,
    );
  }
  if (!answer.ok) throw new CliError(`IMS answered HTTP ${answer.status}: retry later`, 1, 'IMS.UNAVAILABLE');
  const parsed = tokenAnswerSchema.safeParse(await answer.json());
  if (!parsed.success)
    throw new CliError('IMS answered without an access token: check AB_IMS_URL', 1, 'IMS.INVALID');

  const expiresAt = new Date(Date.now() + parsed.data.expires_in * 1000).toISOString();
  return { accessToken: parsed.data.access_token, expiresAt, imsUrl: credentials.imsUrl };
}
