import { z } from 'zod';

import { resilienceSettingsSchema } from './http/ResilienceSettings.js';

const url = z.url({ protocol: /^https?$/ });

/** Everything the People core adapters need; validated once, secrets never printed. */
export const peopleCoreConfigSchema = z.object({
  /** AAM REST base, e.g. `https://aam.adobe.io` (a trailing `/v1` is accepted). */
  restUrl: url,
  /** IMS base, e.g. `https://ims-na1.adobelogin.com`; the token endpoint is `/ims/token/v3`. */
  imsUrl: url,
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scope: z.string().min(1).default('openid,AdobeID,additional_info.projectedProductContext'),
  /** A directory, or `s3://bucket/prefix`. */
  exchange: z.string().min(1),
  s3: z
    .object({
      endpoint: z.string().optional(),
      region: z.string().optional(),
      forcePathStyle: z.boolean().optional(),
      credentials: z
        .object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1) })
        .optional(),
    })
    .optional(),
  /** Only read back from outbound names; kept for completeness of the exchange description. */
  pidAlias: z.string().optional(),
  resilience: resilienceSettingsSchema.default(resilienceSettingsSchema.parse({})),
  inbound: z
    .object({
      maxFileBytes: z
        .number()
        .int()
        .positive()
        .max(5 * 1024 ** 3)
        .optional(),
      gzip: z.boolean().optional(),
    })
    .default({}),
  /** Folder and rule given to segments created through the catalog. */
  segments: z.object({ folderId: z.number().int().nonnegative().default(0) }).default({ folderId: 0 }),
  pageSize: z.number().int().min(1).max(10_000).default(200),
});

/** Configuration as given (defaults applied by `createPeopleCore`). */
export type PeopleCoreConfigInput = z.input<typeof peopleCoreConfigSchema>;

/** Configuration once validated. */
export type PeopleCoreConfig = z.output<typeof peopleCoreConfigSchema>;
