import Fastify, { type FastifyInstance } from 'fastify';
import type { JSONWebKeySet, JWK } from 'jose';

import { adminRoutes } from '../admin/adminRoutes.js';
import type { EmulatorAdmin } from '../admin/EmulatorAdmin.js';
import { faultHook } from '../faults/faultHook.js';
import { imsRoutes } from '../ims/imsRoutes.js';
import { mintToken } from '../ims/mintToken.js';
import { parseFormBody } from '../ims/parseFormBody.js';
import { createSigningKeys, type SigningKeys } from '../ims/SigningKeys.js';
import { tokenClaimsFor, type TokenOverrides } from '../ims/TokenOverrides.js';
import {
  emulatorOptionsSchema,
  type EmulatorOptions,
  type EmulatorSettings,
} from '../options/EmulatorOptions.js';
import type { Population } from '../population/Population.js';
import { restRoutes } from '../rest/restRoutes.js';
import { createEmulatorContext, type EmulatorContext } from './EmulatorContext.js';
import { errorHandler } from './errorHandler.js';
import { startIngestPolling } from './startIngestPolling.js';
import { replayJournal } from '../state/replayJournal.js';

/** A running emulator: where it listens, how to drive it, and how to stop it. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:40123`: IMS at `/ims/token/v3`, AAM REST at `/v1`. */
  readonly url: string;
  readonly port: number;
  readonly settings: EmulatorSettings;
  /** Deliveries, ingestion, membership changes, faults and state, as the `/emulator/…` endpoints offer. */
  readonly admin: EmulatorAdmin;
  readonly population: Population;
  readonly jwks: JSONWebKeySet;
  /** The signing key as a private JWK: pass it back as `signingKey` to keep tokens valid across restarts. */
  readonly signingKey: JWK;
  /** Signs a token directly, as the first client by default; overrides make expired or foreign tokens. */
  mintToken(overrides?: TokenOverrides): Promise<string>;
  close(): Promise<void>;
}

function buildApp(context: EmulatorContext, keys: SigningKeys): FastifyInstance {
  const { settings } = context;
  const app = Fastify({ logger: settings.logger });
  const verify = { keys, issuer: settings.issuer, audience: settings.audience };
  const mint = (overrides: TokenOverrides = {}): Promise<string> =>
    mintToken(
      keys,
      tokenClaimsFor(
        settings.clients,
        { ...verify, lifetimeSeconds: settings.tokenLifetimeSeconds },
        overrides,
      ),
    );

  parseFormBody(app);
  errorHandler(app);
  faultHook(app, context.faults);
  imsRoutes(app, {
    ...verify,
    clients: settings.clients,
    tokenLifetimeSeconds: settings.tokenLifetimeSeconds,
  });
  restRoutes(app, { ...verify, catalog: context.catalog, now: Date.now, journal: context.journal });
  adminRoutes(app, context.admin, mint);

  return app;
}

/** Validates the options, loads the population and listens on loopback; port 0 picks a free port. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const settings = emulatorOptionsSchema.parse(options);
  const keys = await createSigningKeys(settings.signingKey);
  const context = createEmulatorContext(settings);
  await replayJournal(context);
  const app = buildApp(context, keys);
  await app.listen({ host: settings.host, port: settings.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : settings.port;
  const stopPolling = startIngestPolling(context.admin, settings.exchange.ingestIntervalMs, app.log);
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const claims = {
    issuer: settings.issuer,
    audience: settings.audience,
    lifetimeSeconds: settings.tokenLifetimeSeconds,
  };

  return {
    url: `http://${host}:${port}`,
    port,
    settings,
    admin: context.admin,
    population: context.admin.population,
    jwks: { keys: [keys.publicJwk] },
    signingKey: keys.privateJwk,
    mintToken: (overrides = {}) => mintToken(keys, tokenClaimsFor(settings.clients, claims, overrides)),
    close: async () => {
      stopPolling();
      await app.close();
    },
  };
}
