import type { SharedDataSource, SharedDataSourceSummary } from '@audience-bridge/domain';
import { z } from 'zod';

const hex = z.string().regex(/^[0-9a-fA-F]+$/, 'hexadecimal digits only');

const reconciliationKeySchema = z.union([
  z.enum(['visitorId', 'email', 'mobilePhone']),
  z.string().regex(/^custom:[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'custom:<name>'),
]);

const encryptionInputSchema = z.discriminatedUnion('algorithm', [
  z.object({ algorithm: z.literal('none') }),
  z.object({ algorithm: z.literal('sha256') }),
  z.object({
    algorithm: z.enum(['aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc']),
    key: hex.describe('the AES key in hex; stored sealed, never returned'),
    iv: hex.describe('the AES IV in hex; stored sealed, never returned'),
  }),
]);

/** A data source as an operator adds it, key and IV included. */
export const dataSourceInputSchema = z.object({
  id: z.string().min(1).max(128),
  label: z.string().min(1).max(255),
  dataSourceId: z.number().int().positive().describe('the Audience Manager DPID'),
  destinationId: z.number().int().positive().nullable().default(null),
  reconciliationKey: reconciliationKeySchema,
  channel: z.enum(['email', 'sms', 'other']),
  encryption: encryptionInputSchema,
});

/** A data source as the API shows it: the algorithm only, never the key or IV. */
export const dataSourceSummarySchema = z
  .object({
    id: z.string(),
    label: z.string(),
    dataSourceId: z.number().int(),
    destinationId: z.number().int().nullable(),
    reconciliationKey: z.string(),
    channel: z.enum(['email', 'sms', 'other']),
    encryption: z.object({
      algorithm: z.enum(['none', 'sha256', 'aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc']),
    }),
  })
  .describe('DataSource');

/** The domain's data source from a validated body. */
export function toDataSource(input: z.infer<typeof dataSourceInputSchema>): SharedDataSource {
  return { ...input, reconciliationKey: input.reconciliationKey as SharedDataSource['reconciliationKey'] };
}

/** A summary with nothing but the listed fields, whatever the repository returned. */
export function toDataSourceDto(summary: SharedDataSourceSummary): z.infer<typeof dataSourceSummarySchema> {
  const { id, label, dataSourceId, destinationId, reconciliationKey, channel } = summary;

  return {
    id,
    label,
    dataSourceId,
    destinationId,
    reconciliationKey,
    channel,
    encryption: { algorithm: summary.encryption.algorithm },
  };
}
