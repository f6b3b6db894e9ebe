import { Readable } from 'node:stream';

import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { DomainError } from '@audience-bridge/domain';

import { checkKey } from './checkKey.js';
import type { ExchangeStorage, ObjectWriter, StoredObject } from './ExchangeStorage.js';

/** Where an S3 exchange lives; credentials default to the AWS SDK's usual chain. */
export interface S3StorageOptions {
  /** `s3://bucket/prefix` */
  readonly url: string;
  readonly region?: string;
  /** An S3-compatible endpoint (e.g. a local fake), with path-style addressing. */
  readonly endpoint?: string;
  readonly forcePathStyle?: boolean;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** Splits `s3://bucket/prefix` into the bucket and a prefix that is empty or ends with `/`. */
export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (match?.[1] === undefined) throw DomainError.invalid(`"${url}" is not an s3://bucket/prefix address`);
  const prefix = match[2] ?? '';
  return { bucket: match[1], prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` };
}

const isNotFound = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'NoSuchKey' ||
    error.name === 'NotFound' ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404);

/** Parts are buffered to this size; S3 requires at least 5 MiB for every part but the last. */
const PART_BYTES = 8 * 1024 * 1024;

/** The exchange as an S3 bucket prefix; large objects go up as multipart uploads, visible only when complete. */
export class S3Storage implements ExchangeStorage {
  readonly location: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3StorageOptions) {
    ({ bucket: this.bucket, prefix: this.prefix } = parseS3Url(options.url));
    this.location = options.url;
    const config: S3ClientConfig = {
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle ?? false,
    };
    if (options.endpoint !== undefined) config.endpoint = options.endpoint;
    if (options.credentials !== undefined) config.credentials = { ...options.credentials };
    this.client = new S3Client(config);
  }

  async put(key: string, body: Buffer | string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.key(key), Body: body }));
  }

  openWriter(key: string): Promise<ObjectWriter> {
    return Promise.resolve(new S3Writer(this.client, this.bucket, this.key(key)));
  }

  async get(key: string): Promise<Buffer | null> {
    const stream = await this.getStream(key);
    if (stream === null) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  async getStream(key: string): Promise<AsyncIterable<Buffer> | null> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(key) }),
      );
      if (answer.Body instanceof Readable) return answer.Body as AsyncIterable<Buffer>;
      return answer.Body === undefined
        ? null
        : Readable.from([Buffer.from(await answer.Body.transformToByteArray())]);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const found: StoredObject[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: this.prefix + prefix,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key !== undefined)
          found.push({ key: object.Key.slice(this.prefix.length), size: object.Size ?? 0 });
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return found.sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
  }

  /** Releases the client's sockets. */
  close(): void {
    this.client.destroy();
  }

  private key(key: string): string {
    return this.prefix + checkKey(key);
  }
}

class S3Writer implements ObjectWriter {
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private uploadId: string | null = null;
  private readonly parts: { PartNumber: number; ETag: string }[] = [];

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly key: string,
  ) {}

  async write(chunk: Buffer): Promise<void> {
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.length;
    if (this.bufferedBytes >= PART_BYTES) await this.uploadPart();
  }

  async close(): Promise<void> {
    if (this.uploadId === null) {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: this.key, Body: this.takeBuffer() }),
      );
      return;
    }
    if (this.bufferedBytes > 0) await this.uploadPart();
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: this.key,
        UploadId: this.uploadId,
        MultipartUpload: { Parts: this.parts },
      }),
    );
  }

  async abort(): Promise<void> {
    this.takeBuffer();
    if (this.uploadId === null) return;
    await this.client.send(
      new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, UploadId: this.uploadId }),
    );
  }

  private async uploadPart(): Promise<void> {
    if (this.uploadId === null) {
      const created = await this.client.send(
        new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: this.key }),
      );
      this.uploadId = created.UploadId ?? null;
      if (this.uploadId === null) throw new Error(`S3 returned no upload id for ${this.key}`);
    }
    const PartNumber = this.parts.length + 1;
    const answer = await this.client.send(
      new UploadPartCommand({
        Bucket: this.bucket,
        Key: this.key,
        UploadId: this.uploadId,
        PartNumber,
        Body: this.takeBuffer(),
      }),
    );
    this.parts.push({ PartNumber, ETag: answer.ETag ?? '' });
  }

  private takeBuffer(): Buffer {
    const body = Buffer.concat(this.buffered);
    this.buffered = [];
    this.bufferedBytes = 0;
    return body;
  }
}
