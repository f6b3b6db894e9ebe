import type { SharedDataSource } from '@audience-bridge/domain';

import {
  buildOutboundDelivery,
  ExchangeLayout,
  type OutboundDelivery,
  type OutboundLine,
} from '../../src/formats/index.js';
import type { ExchangeStorage } from '../../src/storage/ExchangeStorage.js';

export const dataSource: SharedDataSource = {
  id: 'ds-1',
  label: 'Visitor IDs',
  dataSourceId: 20914,
  destinationId: 1234,
  reconciliationKey: 'visitorId',
  channel: 'other',
  encryption: { algorithm: 'none' },
};

/** Stores an outbound delivery of destination 1234 the way People core would: files first, control file last. */
export function deliver(
  storage: ExchangeStorage,
  mode: 'iter' | 'full',
  timestampMs: number,
  lines: readonly OutboundLine[],
  options: DeliverOptions = {},
): Promise<OutboundDelivery> {
  return deliverFor(storage, 1234, mode, timestampMs, lines, options);
}

interface DeliverOptions {
  readonly maxLinesPerFile?: number;
  readonly gzip?: boolean;
  readonly withControl?: boolean;
}

/** Stores an outbound delivery for any destination. */
export async function deliverFor(
  storage: ExchangeStorage,
  destinationId: number,
  mode: 'iter' | 'full',
  timestampMs: number,
  lines: readonly OutboundLine[],
  options: DeliverOptions = {},
): Promise<OutboundDelivery> {
  const delivery = buildOutboundDelivery(
    {
      syncType: 'S3',
      destinationId,
      masterDpid: 20914,
      pidAlias: 'AudienceBridge',
      mode,
      timestampMs,
      gzip: options.gzip ?? true,
      maxLinesPerFile: options.maxLinesPerFile ?? 1000,
    },
    lines,
  );
  for (const file of delivery.files)
    await storage.put(ExchangeLayout.outboundKey(destinationId, file.name), file.bytes);
  if (options.withControl !== false)
    await storage.put(
      ExchangeLayout.outboundKey(destinationId, delivery.control.name),
      delivery.control.text,
    );
  return delivery;
}

export const line = (userId: string, segments: string[], removed: string[] = []): OutboundLine => ({
  userId,
  segments,
  removed,
});
