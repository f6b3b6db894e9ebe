import { z } from 'zod';

import { parseDuration } from './duration.js';

const duration = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration such as 90s, 15m, 1h or 1h30m` });
    return z.NEVER;
  }
  return ms;
});

const databaseUrl = z.string().refine((url) => url.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(url), {
  error: 'use sqlite:<file> or postgres://user@host:port/database',
});

/** The environment Audience Bridge reads at start (design §8), validated once and frozen. */
export const configSchema = z.object({
  AB_DATABASE_URL: databaseUrl.default('sqlite:./data/audience-bridge.db'),
  /** The AAM REST base; `embedded` starts the local People core emulator in-process. */
  AB_PEOPLECORE_URL: z.union([z.literal('embedded'), z.url()]).default('embedded'),
  AB_IMS_URL: z.url().optional(),
  /** Technical-account credentials; the embedded emulator's own client when absent. */
  AB_IMS_CLIENT_ID: z.string().min(1).optional(),
  AB_IMS_CLIENT_SECRET: z.string().min(1).optional(),
  AB_IMS_SCOPE: z.string().default('openid,AdobeID,audiencemanager_api'),
  /** Issuer and audience that bearer tokens must carry; default to the emulator's. */
  AB_IMS_ISSUER: z.string().optional(),
  AB_IMS_AUDIENCE: z.string().default('audience-bridge'),
  AB_IMS_JWKS_URL: z.url().optional(),
  AB_EXCHANGE: z.string().min(1).default('./data/exchange'),
  /** Seals data-source keys at rest; generated into the data folder on the embedded default when absent. */
  AB_MASTER_KEY: z.string().min(32, { error: 'AB_MASTER_KEY needs at least 32 characters' }).optional(),
  AB_SYNC_INTERVAL: duration.default(3_600_000),
  AB_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  AB_HOST: z.string().default('127.0.0.1'),
  AB_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Local API keys as `org:key` pairs, comma-separated: read-only principals. */
  AB_API_KEYS: z.string().default(''),
  AB_DEFAULT_REGION: z.string().length(2).default('US'),
  AB_DATA_DIR: z.string().default('./data'),
  /**
   * The IMS organisation the People core technical account belongs to: only its principals see its
   * shared audiences. Required with a real People core service; the emulator's organisation when embedded.
   */
  AB_ORG_ID: z.string().min(1).optional(),
});

export type Config = Readonly<z.output<typeof configSchema>>;

/** Names of configuration entries whose values are secrets: never printed, never logged. */
export const secretConfigKeys = ['AB_IMS_CLIENT_SECRET', 'AB_MASTER_KEY', 'AB_API_KEYS'] as const;
