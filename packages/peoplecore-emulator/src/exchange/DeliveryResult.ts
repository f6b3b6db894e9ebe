import type { FileFault } from '../faults/FaultOptions.js';

/** How one outbound delivery is made. */
export interface DeliverRequest {
  readonly mode: 'full' | 'iter';
  readonly gzip?: boolean;
  readonly maxLinesPerFile?: number;
  /** File faults forced on this delivery, on top of those the fault rates draw. */
  readonly faults?: readonly FileFault[];
}

/** What a delivery wrote: keys are relative to the exchange directory. */
export interface DeliveryResult {
  readonly destinationId: number;
  readonly deliveryName: string;
  readonly mode: 'full' | 'iter';
  readonly fileKeys: readonly string[];
  readonly controlKey: string;
  readonly lineCount: number;
  /** The faults applied: a delivery with any of them fails its control-file check. */
  readonly faults: readonly FileFault[];
}
