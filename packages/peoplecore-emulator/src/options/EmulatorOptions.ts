import { z } from 'zod';

import { faultOptionsSchema } from '../faults/FaultOptions.js';
import { defaultImsClient, imsClientSchema } from '../ims/ImsClient.js';
import { segmentSpecSchema } from '../population/PopulationOptions.js';
import { isLoopback } from './isLoopback.js';

/** How outbound deliveries are written unless a delivery says otherwise. */
export const exchangeOptionsSchema = z.strictObject({
  gzip: z.boolean().default(false),
  maxLinesPerFile: z.int().min(1).default(100_000),
  /** The transport prefix of outbound file names. */
  syncType: z
    .string()
    .regex(/^[A-Za-z0-9]+$/)
    .default('S3'),
  /** Reads inbound deliveries every so many milliseconds; 0 reads them only when asked. */
  ingestIntervalMs: z.int().min(0).default(0),
});

/** Population settings inside the emulator options; the seed and organisation come from the top level. */
export const emulatorPopulationSchema = z.strictObject({
  size: z.int().min(1).max(1_000_000).optional(),
  campaignShare: z.number().min(0).max(1).optional(),
  orgId: z.string().min(1).optional(),
  aesKey: z.string().optional(),
  aesIv: z.string().optional(),
  segments: z.array(segmentSpecSchema).optional(),
});

/** Everything the emulator can be started with; every field has a default except `exchangeDir`. */
export const emulatorOptionsSchema = z.strictObject({
  host: z.string().default('127.0.0.1').refine(isLoopback, 'the emulator listens on a loopback address only'),
  /** 0 picks a free port. */
  port: z.int().min(0).max(65535).default(0),
  /** The directory shared with Audience Bridge: `outbound/`, `inbound/`. */
  exchangeDir: z.string().min(1),
  issuer: z.string().min(1).default('https://ims.emulator.audience-bridge.local'),
  audience: z.string().min(1).default('audience-bridge'),
  clients: z.array(imsClientSchema).min(1).default([defaultImsClient]),
  /** Seeds the population and the fault draws. */
  seed: z.int().default(1),
  population: emulatorPopulationSchema.prefault({}),
  faults: faultOptionsSchema.prefault({}),
  tokenLifetimeSeconds: z.int().min(1).default(86_399),
  exchange: exchangeOptionsSchema.prefault({}),
  /** An RSA private key as a JWK, so that tokens stay valid across restarts; generated when absent. */
  signingKey: z.record(z.string(), z.unknown()).optional(),
  /**
   * A journal of the changes made while running (segments created, membership changed, inbound deliveries
   * applied), replayed at start so that a restarted emulator keeps them; none when absent.
   */
  journalFile: z.string().min(1).optional(),
  /** Fastify's request log (pino), off by default to keep tests quiet. */
  logger: z.boolean().default(false),
});

/** Emulator options as given (every field optional except `exchangeDir`). */
export type EmulatorOptions = z.input<typeof emulatorOptionsSchema>;

/** Emulator options once validated, with every default applied. */
export type EmulatorSettings = z.output<typeof emulatorOptionsSchema>;
