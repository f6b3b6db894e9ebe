import { ExchangeLayout, type InboundReceipt } from '@audience-bridge/adapters-peoplecore/formats';

import type { Catalog } from '../catalog/Catalog.js';
import type { Membership } from '../membership/Membership.js';
import type { Journal } from '../state/Journal.js';
import { applyInboundFile } from './applyInboundFile.js';
import type { ExchangeDirectory } from './ExchangeDirectory.js';
import { readInboundDelivery, type InboundFile } from './readInboundDelivery.js';
import { emptyCounters, type ReceiptCounters } from './ReceiptCounters.js';

/** A receipt as the emulator writes it: the shared receipt fields plus every AAM-like counter. */
export type EmulatorReceipt = InboundReceipt & ReceiptCounters;

/** What the inbound side reads from and writes to. */
export interface InboundContext {
  readonly directory: ExchangeDirectory;
  readonly catalog: Catalog;
  readonly membership: Membership;
  readonly now: () => number;
  readonly journal: Journal;
}

const CONTROL_SUFFIX = '.info';

/**
 * Processes inbound deliveries: each `inbound/date=*` delivery whose control file is present and
 * that has no receipt yet is verified, applied to membership, and answered with a receipt.
 */
export class InboundExchange {
  private running: Promise<EmulatorReceipt[]> | null = null;

  constructor(private readonly context: InboundContext) {}

  /** Processes every pending delivery; concurrent calls share one pass. */
  ingest(): Promise<EmulatorReceipt[]> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });

    return this.running;
  }

  private async pass(): Promise<EmulatorReceipt[]> {
    const receipts: EmulatorReceipt[] = [];
    for (const partition of await this.context.directory.list('inbound/')) {
      if (!partition.startsWith('date=')) continue;
      const folder = `inbound/${partition}/`;
      for (const name of await this.context.directory.list(folder)) {
        if (!name.endsWith(CONTROL_SUFFIX)) continue;
        const deliveryName = name.slice(0, -CONTROL_SUFFIX.length);
        if (await this.context.directory.exists(ExchangeLayout.receiptKey(deliveryName))) continue;
        receipts.push(await this.process(folder, deliveryName));
      }
    }

    return receipts;
  }

  private async process(folder: string, deliveryName: string): Promise<EmulatorReceipt> {
    const jobStart = new Date(this.context.now()).toISOString();
    const counters = emptyCounters();
    const read = await readInboundDelivery(this.context.directory, folder, deliveryName);
    const reason = read.ok ? this.apply(read.files, counters) : read.reason;
    const receipt: EmulatorReceipt = {
      deliveryName,
      status: reason === null ? 'processed' : 'failed',
      ...counters,
      storedRecords: counters.recordsProcessed,
      ...(reason === null ? {} : { reason }),
      jobStart,
      jobEnd: new Date(this.context.now()).toISOString(),
    };
    await this.context.directory.write(
      ExchangeLayout.receiptKey(deliveryName),
      `${JSON.stringify(receipt, null, 2)}\n`,
    );
    if (reason === null) this.context.journal.record({ op: 'ingested', folder, deliveryName });

    return receipt;
  }

  /** Applies a delivery processed before a restart again, without a new receipt: the journal's replay. */
  async reapply(folder: string, deliveryName: string): Promise<void> {
    const read = await readInboundDelivery(this.context.directory, folder, deliveryName);
    if (read.ok) this.apply(read.files, emptyCounters());
  }

  /** Applies the files; returns why the delivery is refused, or `null` once applied. */
  private apply(files: readonly InboundFile[], counters: ReceiptCounters): string | null {
    const first = files[0];
    if (first === undefined) return 'the delivery has no file';
    const found = this.context.catalog.findDataSource(first.parts.targetDpid ?? first.parts.dpid);
    if (found === null) return `data source ${first.parts.dpid} does not exist`;
    const target = { org: found.org, dataSource: found.dataSource, membership: this.context.membership };
    for (const file of files) applyInboundFile(file, target, counters);

    return null;
  }
}
