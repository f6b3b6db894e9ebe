import { z } from 'zod';

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

/** A segment as `GET /v1/segments` shows it; unknown fields are kept out. */
export const aamSegmentSchema = z.object({
  sid: z.number().int().positive(),
  name: z.string(),
  description: text,
  segmentRule: text,
  folderId: z.number().int().nullish(),
  integrationCode: z.string().nullish(),
  status: z.string().nullish(),
  dataSourceId: z.number().int(),
  mergeRuleDataSourceId: z.number().int().nullish(),
  pid: z.number().int().nullish(),
  createTime: z.number().nullish(),
  updateTime: z.number().nullish(),
});

/** A trait as `GET /v1/traits` shows it. */
export const aamTraitSchema = z.object({
  sid: z.number().int().positive(),
  name: z.string(),
  description: text,
  traitType: z.string(),
  dataSourceId: z.number().int(),
  integrationCode: z.string().nullish(),
  folderId: z.number().int().nullish(),
  status: z.string().nullish(),
  pid: z.number().int().nullish(),
  traitRule: z.string().nullish(),
  ttl: z.number().nullish(),
});

/** A data source as `GET /v1/datasources` shows it. */
export const aamDataSourceSchema = z.object({
  dataSourceId: z.number().int().positive(),
  name: z.string(),
  description: text,
  pid: z.number().int().nullish(),
  status: z.string().nullish(),
  integrationCode: z.string().nullish(),
  idType: z.string().nullish(),
});

export type AamSegment = z.infer<typeof aamSegmentSchema>;
export type AamTrait = z.infer<typeof aamTraitSchema>;
export type AamDataSource = z.infer<typeof aamDataSourceSchema>;

/** A listing page: a bare array, or a wrapper holding the items and totals. */
export const listingSchema = z.union([
  z.array(z.unknown()),
  z
    .object({
      list: z.array(z.unknown()).optional(),
      items: z.array(z.unknown()).optional(),
      data: z.array(z.unknown()).optional(),
      total: z.number().int().nonnegative().optional(),
      totalCount: z.number().int().nonnegative().optional(),
    })
    .refine((page) => (page.list ?? page.items ?? page.data) !== undefined, 'the page holds no list'),
]);
