/** An object in the exchange: its key (relative, `/`-separated) and its stored size in bytes. */
export interface StoredObject {
  readonly key: string;
  readonly size: number;
}

/** A file being written; nothing is visible under its key before `close` resolves. */
export interface ObjectWriter {
  write(chunk: Buffer): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** The batch exchange with the People core service: a local directory or an S3 prefix. */
export interface ExchangeStorage {
  /** Describes where the exchange lives, for messages (never a credential). */
  readonly location: string;
  put(key: string, body: Buffer | string): Promise<void>;
  /** Opens a writer for a large object; it appears atomically on close. */
  openWriter(key: string): Promise<ObjectWriter>;
  get(key: string): Promise<Buffer | null>;
  /** Streams an object's stored bytes, or returns null when it does not exist. */
  getStream(key: string): Promise<AsyncIterable<Buffer> | null>;
  /** Every object whose key starts with `prefix`, at any depth, sorted by key. */
  list(prefix: string): Promise<StoredObject[]>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}
