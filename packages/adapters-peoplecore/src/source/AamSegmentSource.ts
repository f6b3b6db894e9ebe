import { DomainError, type SegmentSource, type SharedDataSource } from '@audience-bridge/domain';

import {
  fileInvalid,
  findOutboundDeliveries,
  readOutboundControl,
} from '../exchange/findOutboundDeliveries.js';
import type { FoundOutboundDelivery } from '../exchange/OutboundDelivery.js';
import { verifyStoredFile } from '../exchange/verifyStoredFile.js';
import type { ExchangeStorage } from '../storage/ExchangeStorage.js';
import { AamSegmentSnapshot } from './AamSegmentSnapshot.js';
import { IterState } from './IterState.js';
import type { SnapshotProblems } from './SnapshotProblems.js';

/**
 * Segment membership from AAM outbound deliveries: the latest complete `full` delivery of the data
 * source's destination plus every later `iter` one, each file checked against its control file
 * (size, md5, lines) before a single ID is handed out.
 */
export class AamSegmentSource implements SegmentSource {
  constructor(private readonly storage: ExchangeStorage) {}

  async snapshot(sharedAudienceId: string, dataSource: SharedDataSource): Promise<AamSegmentSnapshot> {
    if (!/^[0-9]{1,19}$/.test(sharedAudienceId))
      throw DomainError.invalid(`"${sharedAudienceId}" is not a segment id`);
    const destinationId = dataSource.destinationId;
    if (destinationId === null) {
      throw DomainError.invalid(
        `data source ${dataSource.label} has no AAM destination id; set one to import its segments`,
      );
    }

    const { full, iters } = this.select(
      await findOutboundDeliveries(this.storage, destinationId),
      destinationId,
    );
    const problems: SnapshotProblems = { malformedLines: 0, samples: [] };
    const iter = new IterState(sharedAudienceId, problems);
    const fullKeys = await this.verify(full);
    for (const delivery of iters) await this.verify(delivery, iter);

    const latest = iters.at(-1);
    const deliveryId =
      latest === undefined
        ? full.deliveryName
        : `${full.deliveryName}+${iters.length}iter..${latest.deliveryName}`;
    return new AamSegmentSnapshot(deliveryId, this.storage, fullKeys, sharedAudienceId, iter, problems);
  }

  private select(deliveries: readonly FoundOutboundDelivery[], destinationId: number) {
    const fullIndex = deliveries.findLastIndex((delivery) => delivery.mode === 'full');
    const full = deliveries[fullIndex];
    if (full === undefined) {
      throw new DomainError(
        'PEOPLECORE.FILE_INVALID',
        `no complete full delivery for destination ${destinationId} in the exchange (outbound/${destinationId}/); wait for People core to deliver one, then rerun`,
        { destinationId },
      );
    }
    return { full, iters: deliveries.slice(fullIndex + 1).filter((delivery) => delivery.mode === 'iter') };
  }

  /** Verifies every file of a delivery in sequence order, feeding iter lines on the way; returns the file keys. */
  private async verify(delivery: FoundOutboundDelivery, iter?: IterState): Promise<string[]> {
    const control = await readOutboundControl(this.storage, delivery.controlKey);
    const files = [...control.Files].sort((a, b) => a.FileSequenceNumber - b.FileSequenceNumber);
    for (const entry of files) {
      const key = delivery.prefix + entry.FileName;
      if (!entry.FileName.startsWith(delivery.deliveryName)) {
        throw fileInvalid(delivery.controlKey, `it lists ${entry.FileName}, a file of another delivery`);
      }
      let lineNumber = 1;
      await verifyStoredFile(
        this.storage,
        key,
        entry,
        iter &&
          ((lines) => {
            iter.apply(entry.FileName, lines, lineNumber);
            lineNumber += lines.length;
          }),
      );
    }
    return files.map((entry) => delivery.prefix + entry.FileName);
  }
}
