/**
 * Keys of the batch exchange, relative to its root (a directory or an S3 prefix), always with `/`:
 * - `outbound/<destinationId>/<outbound files>` and `<delivery>.info` — what the service delivers;
 * - `inbound/date=YYYY-MM-DD/<inbound files>` and `<delivery>.info` — what we deliver (UTC date);
 * - `inbound/receipts/<delivery>.json` — the service's receipt once it processed a delivery.
 */
export const ExchangeLayout = {
  outboundPrefix: (destinationId: number): string => `outbound/${destinationId}/`,

  outboundKey: (destinationId: number, fileName: string): string => `outbound/${destinationId}/${fileName}`,

  inboundPrefix: (date: Date): string => `inbound/date=${date.toISOString().slice(0, 10)}/`,

  inboundKey: (date: Date, fileName: string): string =>
    `inbound/date=${date.toISOString().slice(0, 10)}/${fileName}`,

  /** Prefix under which every inbound date partition lives. */
  inboundRoot: 'inbound/date=',

  receiptsPrefix: 'inbound/receipts/',

  receiptKey: (deliveryName: string): string => `inbound/receipts/${deliveryName}.json`,

  /** The file name at the end of a key. */
  baseName: (key: string): string => key.slice(key.lastIndexOf('/') + 1),
} as const;
