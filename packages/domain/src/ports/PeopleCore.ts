import type { SharedDataSource } from '../datasources/SharedDataSource.js';
import type { SharedAudience } from '../sharedaudiences/SharedAudience.js';

/** The People core service's catalog of segments and traits, for the configured organisation. */
export interface SharedAudienceCatalog {
  /** Every segment and trait, read page by page from the service. */
  list(): Promise<SharedAudience[]>;

  get(id: string): Promise<SharedAudience | null>;

  /** Creates a segment in the data source (DPID) that receives our uploads. */
  createSegment(input: { readonly name: string; readonly dataSourceId: number }): Promise<SharedAudience>;
}

/** One delivered membership of a segment, read in batches of raw user IDs exactly as delivered. */
export interface SegmentSnapshot {
  /** Identifies the delivery (file set and time), for the run report. */
  readonly deliveryId: string;
  batches(batchSize: number): AsyncIterable<string[]>;
}

/**
 * Current segment membership as the service delivers it for a data source. A delivery whose
 * control file does not match is refused with `PEOPLECORE.FILE_INVALID`, never partly read.
 */
export interface SegmentSource {
  snapshot(sharedAudienceId: string, dataSource: SharedDataSource): Promise<SegmentSnapshot>;
}

export interface UploadTarget {
  readonly sharedAudienceId: string;
  readonly dataSource: SharedDataSource;
}

/** What the service acknowledged for one upload: the files delivered and the records in them. */
export interface UploadReceipt {
  readonly uploadId: string;
  readonly files: readonly string[];
  readonly records: number;
}

export type UploadStatus = 'delivered' | 'processed' | 'failed' | 'unknown';

/** An upload being written; nothing is delivered to the service before `finish`. */
export interface UploadSession {
  add(userIds: readonly string[]): Promise<void>;
  finish(): Promise<UploadReceipt>;
  abort(): Promise<void>;
}

/** Adds user IDs to a shared audience; People core processes deliveries asynchronously. */
export interface SegmentUploadSink {
  /** `uploadId` is chosen by the caller so that a rerun can ask what became of an upload. */
  begin(target: UploadTarget, uploadId: string): Promise<UploadSession>;

  status(uploadId: string): Promise<UploadStatus>;
}
