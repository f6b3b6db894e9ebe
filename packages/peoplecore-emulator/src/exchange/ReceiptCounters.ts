/** AAM-like counters of one processed inbound delivery, as its receipt reports them. */
export interface ReceiptCounters {
  /** Lines read. */
  recordsReceived: number;
  /** Lines that are not `<user id><TAB><traits>`. */
  formatErrors: number;
  /** Lines whose user ID the data source cannot hold (e.g. not an ECID for the visitor-ID source). */
  invalidIds: number;
  /** Lines applied to membership. */
  recordsProcessed: number;
  /** Memberships added. */
  realizedTraits: number;
  /** Memberships removed. */
  removedTraits: number;
  /** Processed lines that changed nothing because none of their SIDs could be used. */
  noTraitRealized: number;
  /** SIDs that do not exist or belong to another data source. */
  traitsFailedValidation: number;
}

/** Counters at zero, for a delivery about to be read. */
export function emptyCounters(): ReceiptCounters {
  return {
    recordsReceived: 0,
    formatErrors: 0,
    invalidIds: 0,
    recordsProcessed: 0,
    realizedTraits: 0,
    removedTraits: 0,
    noTraitRealized: 0,
    traitsFailedValidation: 0,
  };
}
