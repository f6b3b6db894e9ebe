import type { ControlFileDocument, OutboundDelivery } from '@audience-bridge/adapters-peoplecore/formats';
import { controlFileFromEntries } from '@audience-bridge/adapters-peoplecore/formats';

import type { SeededRandom } from '../random/SeededRandom.js';
import type { FileFault } from './FaultOptions.js';

/** The stored bytes of a delivery's files and its control file, once faults have been applied. */
export interface FaultedDelivery {
  readonly files: readonly { readonly name: string; readonly bytes: Buffer }[];
  readonly control: ControlFileDocument;
  /** The faults that could be applied (a fault on an empty file cannot be). */
  readonly applied: readonly FileFault[];
}

function truncated(bytes: Buffer): Buffer | null {
  return bytes.length === 0 ? null : bytes.subarray(0, Math.floor(bytes.length / 2));
}

function corrupted(bytes: Buffer, random: SeededRandom): Buffer | null {
  if (bytes.length === 0) return null;

  // Distinct positions: flipping one byte twice would undo the corruption.
  const positions = new Set<number>();
  while (positions.size < Math.min(4, bytes.length)) positions.add(random.nextInt(bytes.length));
  const copy = Buffer.from(bytes);
  for (const index of positions) copy[index] = (copy[index] ?? 0) ^ 0xff;

  return copy;
}

function lyingControl(delivery: OutboundDelivery, random: SeededRandom): ControlFileDocument {
  const [first, ...rest] = delivery.control.control.Files;
  if (first === undefined) return delivery.control;

  const lie = random.nextInt(3);
  const wrong =
    lie === 0
      ? { ...first, md5: first.md5.replace(/^./, (digit) => (digit === '0' ? '1' : '0')) }
      : lie === 1
        ? { ...first, FileByteSize: first.FileByteSize + 1 + random.nextInt(100) }
        : { ...first, FileLineCount: first.FileLineCount + 1 + random.nextInt(10) };

  return controlFileFromEntries(delivery.deliveryName, [wrong, ...rest]);
}

/**
 * Applies file faults to a delivery whose control file was already computed from the true bytes:
 * the first data file is cut in half or has bytes flipped, or the control file lies about it.
 */
export function applyFileFaults(
  delivery: OutboundDelivery,
  faults: readonly FileFault[],
  random: SeededRandom,
): FaultedDelivery {
  const files = delivery.files.map((file) => ({ name: file.name, bytes: file.bytes }));
  const applied: FileFault[] = [];
  const first = files[0];
  for (const fault of faults) {
    if (fault === 'lyingControl' || first === undefined) continue;
    const bytes = fault === 'truncate' ? truncated(first.bytes) : corrupted(first.bytes, random);
    if (bytes === null) continue;
    first.bytes = bytes;
    applied.push(fault);
  }
  const lies = faults.includes('lyingControl') && delivery.control.control.Files.length > 0;
  if (lies) applied.push('lyingControl');

  return { files, control: lies ? lyingControl(delivery, random) : delivery.control, applied };
}
