/** A complete outbound delivery found in the exchange (its `.info` is present), not yet verified. */
export interface FoundOutboundDelivery {
  readonly deliveryName: string;
  readonly mode: 'iter' | 'full';
  readonly timestampMs: number;
  /** The directory (key prefix ending in `/`) holding the files and the `.info`. */
  readonly prefix: string;
  readonly controlKey: string;
}
