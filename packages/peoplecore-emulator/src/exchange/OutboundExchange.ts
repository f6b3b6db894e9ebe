import {
  buildOutboundDelivery,
  controlFileName,
  ExchangeLayout,
} from '@audience-bridge/adapters-peoplecore/formats';

import type { Catalog } from '../catalog/Catalog.js';
import { applyFileFaults } from '../faults/applyFileFaults.js';
import type { FaultInjector } from '../faults/FaultInjector.js';
import type { Membership } from '../membership/Membership.js';
import type { SeededRandom } from '../random/SeededRandom.js';
import { EmulatorError } from '../shared/EmulatorError.js';
import type { DeliverRequest, DeliveryResult } from './DeliveryResult.js';
import type { ExchangeDirectory } from './ExchangeDirectory.js';
import { fullLines, iterLines, membershipView, type MembershipView } from './outboundLines.js';

/** What the outbound side writes with, and its defaults. */
export interface OutboundContext {
  readonly directory: ExchangeDirectory;
  readonly catalog: Catalog;
  readonly membership: Membership;
  readonly faults: FaultInjector;
  readonly random: SeededRandom;
  readonly now: () => number;
  readonly defaults: { readonly gzip: boolean; readonly maxLinesPerFile: number; readonly syncType: string };
}

/**
 * Writes outbound deliveries the way a batch destination does: data files first, the `.info`
 * control file last; `iter` deliveries carry only what changed since the destination's last delivery.
 */
export class OutboundExchange {
  private readonly delivered = new Map<number, MembershipView>();
  private lastTimestamp = 0;

  constructor(private readonly context: OutboundContext) {}

  async deliver(destinationId: number, request: DeliverRequest): Promise<DeliveryResult> {
    const found = this.context.catalog.findDestination(destinationId);
    if (found === null)
      throw EmulatorError.notFound(
        `destination ${destinationId} does not exist; list them at /emulator/state`,
      );

    const sids = found.org
      .segmentsOf(found.destination)
      .map((segment) => segment.sid)
      .sort((left, right) => left - right);
    const current = membershipView(sids, (sid) => this.context.membership.membersOf(sid));
    const previous = this.delivered.get(destinationId) ?? new Map<string, readonly string[]>();
    const lines = request.mode === 'full' ? fullLines(current) : iterLines(current, previous);
    const delivery = buildOutboundDelivery(
      {
        syncType: this.context.defaults.syncType,
        destinationId,
        masterDpid: found.destination.dataSourceId,
        pidAlias: found.destination.pidAlias,
        mode: request.mode,
        timestampMs: this.nextTimestamp(),
        gzip: request.gzip ?? this.context.defaults.gzip,
        maxLinesPerFile: request.maxLinesPerFile ?? this.context.defaults.maxLinesPerFile,
      },
      lines,
    );
    const faulted = applyFileFaults(
      delivery,
      this.context.faults.nextDelivery(request.faults),
      this.context.random,
    );
    const fileKeys = await this.writeFiles(destinationId, faulted.files);
    const controlKey = ExchangeLayout.outboundKey(destinationId, controlFileName(delivery.deliveryName));
    await this.context.directory.write(controlKey, faulted.control.text);
    // A faulty delivery will be refused by its reader, so the next `iter` repeats its changes.
    if (faulted.applied.length === 0) this.delivered.set(destinationId, current);

    return {
      destinationId,
      deliveryName: delivery.deliveryName,
      mode: request.mode,
      fileKeys,
      controlKey,
      lineCount: lines.length,
      faults: faulted.applied,
    };
  }

  private async writeFiles(
    destinationId: number,
    files: readonly { name: string; bytes: Buffer }[],
  ): Promise<string[]> {
    const keys: string[] = [];
    for (const file of files) {
      const key = ExchangeLayout.outboundKey(destinationId, file.name);
      await this.context.directory.write(key, file.bytes);
      keys.push(key);
    }

    return keys;
  }

  /** Milliseconds, strictly increasing, so that two deliveries never share a name. */
  private nextTimestamp(): number {
    this.lastTimestamp = Math.max(this.context.now(), this.lastTimestamp + 1);

    return this.lastTimestamp;
  }
}
