import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { AppContext } from '@audience-bridge/app-api';

/**
 * On the embedded emulator, makes sure the data source's destination has a full delivery in the exchange,
 * as People core would have delivered on its own schedule; with a real service it does nothing.
 */
export async function ensureFullDelivery(
  context: AppContext,
  dataSourceId: string,
  orgId: string,
): Promise<void> {
  const emulator = context.emulator;
  if (emulator === null || context.config.AB_EXCHANGE.startsWith('s3://')) return;
  const source = await context.ports.dataSources.get(orgId, dataSourceId);
  const destinationId = source?.destinationId ?? null;
  const known = emulator.population.dataSources.some((entry) => entry.destinationId === destinationId);
  if (destinationId === null || !known) return;

  const folder = join(context.config.AB_EXCHANGE, 'outbound', String(destinationId));
  const delivered = existsSync(folder) && readdirSync(folder).some((name) => name.includes('_full_'));
  if (!delivered) await emulator.admin.deliver(destinationId, { mode: 'full' });
}
