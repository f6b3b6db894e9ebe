import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import {
  inboundDeliveryName,
  parseInboundFileName,
  parseInboundLine,
} from '@audience-bridge/adapters-peoplecore/formats';

/** One inbound delivery we wrote that the service would read: its control file is there. */
export interface InboundDelivery {
  readonly name: string;
  readonly userIds: readonly string[];
}

function dataLines(path: string): string[] {
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return text.split('\n').filter((line) => line !== '');
}

/** Every complete inbound delivery in an exchange folder, with the user IDs of all its data files. */
export function completeInboundDeliveries(exchangeDir: string): InboundDelivery[] {
  const inbound = join(exchangeDir, 'inbound');
  if (!existsSync(inbound)) return [];
  const deliveries: InboundDelivery[] = [];
  for (const partition of readdirSync(inbound).filter((name) => name.startsWith('date='))) {
    const names = readdirSync(join(inbound, partition));
    for (const control of names.filter((name) => name.endsWith('.info'))) {
      const name = control.slice(0, -'.info'.length);
      const files = names.filter((file) => {
        const parsed = parseInboundFileName(file);
        return parsed !== null && inboundDeliveryName(parsed) === name;
      });
      const userIds = files.flatMap((file) =>
        dataLines(join(inbound, partition, file)).map((line, index) => {
          const parsed = parseInboundLine(line, index + 1);
          if (!parsed.ok) throw new Error(`${file}:${index + 1} is not an inbound line: ${parsed.reason}`);
          return parsed.value.userId;
        }),
      );
      deliveries.push({ name, userIds });
    }
  }
  return deliveries;
}

/** User IDs that appear more than once across the given deliveries. */
export function duplicatedUserIds(deliveries: readonly InboundDelivery[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of deliveries.flatMap((delivery) => delivery.userIds)) {
    if (seen.has(id)) twice.add(id);
    seen.add(id);
  }
  return [...twice];
}
