import { DomainError } from '@audience-bridge/domain';

import {
  ExchangeLayout,
  parseControlFile,
  parseOutboundFileName,
  type ControlFile,
} from '../formats/index.js';
import type { ExchangeStorage } from '../storage/ExchangeStorage.js';
import type { FoundOutboundDelivery } from './OutboundDelivery.js';

const controlPattern = /^([A-Za-z0-9]+_[0-9]+_[0-9]+_.+_(iter|full)_([0-9]{13}))\.info$/;

/**
 * The deliveries of a destination that are complete (their `.info` is present), oldest first. A
 * delivery whose files are there without a control file is still being written and is left alone.
 */
export async function findOutboundDeliveries(
  storage: ExchangeStorage,
  destinationId: number,
): Promise<FoundOutboundDelivery[]> {
  const prefix = ExchangeLayout.outboundPrefix(destinationId);
  const found: FoundOutboundDelivery[] = [];
  for (const object of await storage.list(prefix)) {
    const name = object.key.slice(prefix.length);
    const match = controlPattern.exec(name);
    if (match?.[1] === undefined || match[3] === undefined) continue;
    found.push({
      deliveryName: match[1],
      mode: match[2] === 'full' ? 'full' : 'iter',
      timestampMs: Number(match[3]),
      prefix,
      controlKey: object.key,
    });
  }
  return found.sort(
    (a, b) => a.timestampMs - b.timestampMs || (a.mode === b.mode ? 0 : a.mode === 'full' ? -1 : 1),
  );
}

/** Reads and checks a delivery's control file; a malformed or inconsistent one is refused. */
export async function readOutboundControl(storage: ExchangeStorage, key: string): Promise<ControlFile> {
  const text = (await storage.get(key))?.toString('utf8');
  if (text === undefined) throw fileInvalid(key, 'the control file disappeared while it was being read');
  const parsed = parseControlFile(text);
  if (!parsed.ok) throw fileInvalid(key, parsed.reason);
  for (const entry of parsed.value.Files) {
    if (parseOutboundFileName(entry.FileName) === null || entry.FileName.includes('/')) {
      throw fileInvalid(key, `it lists "${entry.FileName.slice(0, 80)}", which is not an outbound file name`);
    }
  }
  return parsed.value;
}

/** The error for a delivery that cannot be trusted; it names the file and the mismatch. */
export function fileInvalid(key: string, reason: string): DomainError {
  return new DomainError(
    'PEOPLECORE.FILE_INVALID',
    `${key} was refused: ${reason}. Nothing was imported; ask People core to redeliver, then rerun the sync.`,
    { file: key, reason },
  );
}
