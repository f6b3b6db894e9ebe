import type { PeopleCoreConfigInput } from '@audience-bridge/adapters-peoplecore';
import { DomainError } from '@audience-bridge/domain';
import { defaultImsClient, type RunningEmulator } from '@audience-bridge/peoplecore-emulator';

import type { Config } from '../config/Config.js';

/** How bearer tokens presented to the API are checked. */
export interface TokenVerification {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
}

/** The People core adapter's configuration: the configured service, or the embedded emulator. */
export function peopleCoreSettings(config: Config, emulator: RunningEmulator | null): PeopleCoreConfigInput {
  const restUrl = emulator?.url ?? config.AB_PEOPLECORE_URL;
  const clientId = config.AB_IMS_CLIENT_ID ?? (emulator ? defaultImsClient.clientId : undefined);
  const clientSecret = config.AB_IMS_CLIENT_SECRET ?? (emulator ? defaultImsClient.clientSecret : undefined);
  if (clientId === undefined || clientSecret === undefined) {
    throw new DomainError(
      'VALIDATION.INVALID_INPUT',
      'AB_IMS_CLIENT_ID and AB_IMS_CLIENT_SECRET are required when AB_PEOPLECORE_URL names a People core service',
    );
  }

  return {
    restUrl,
    imsUrl: config.AB_IMS_URL ?? emulator?.url ?? restUrl,
    clientId,
    clientSecret,
    scope: config.AB_IMS_SCOPE,
    exchange: config.AB_EXCHANGE,
  };
}

/** The IMS organisation the People core account serves: configured, or the embedded emulator's. */
export function peopleCoreOrg(config: Config, emulator: RunningEmulator | null): string {
  const org = config.AB_ORG_ID ?? emulator?.population.orgId;
  if (org === undefined) {
    throw new DomainError(
      'VALIDATION.INVALID_INPUT',
      'AB_ORG_ID is required when AB_PEOPLECORE_URL names a People core service: set it to the IMS organisation of the technical account',
    );
  }
  return org;
}

/** Where the API finds the keys and claims its bearer tokens must carry. */
export function tokenVerification(config: Config, emulator: RunningEmulator | null): TokenVerification {
  const imsUrl = config.AB_IMS_URL ?? emulator?.url ?? config.AB_PEOPLECORE_URL;

  return {
    issuer: config.AB_IMS_ISSUER ?? emulator?.settings.issuer ?? imsUrl,
    audience: config.AB_IMS_AUDIENCE,
    jwksUrl: config.AB_IMS_JWKS_URL ?? `${imsUrl.replace(/\/$/, '')}/ims/keys`,
  };
}
