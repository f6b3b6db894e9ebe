import { DomainError, type Clock, type UploadReceipt, type UploadSession } from '@audience-bridge/domain';

import { controlFileName, InboundFileSetWriter } from '../formats/index.js';
import type { ExchangeStorage, ObjectWriter } from '../storage/ExchangeStorage.js';
import { manifestKey, type UploadManifest } from './UploadManifest.js';

/** What one session writes: the delivery's place and the trait (segment SID) every line names. */
export interface SessionPlan {
  readonly uploadId: string;
  readonly partition: string;
  readonly sharedAudienceId: string;
  readonly dataSourceId: number;
  readonly writer: InboundFileSetWriter;
}

const badUserId = /[\s,]/;

/**
 * One inbound delivery being written: files go up as they fill (each visible only when complete),
 * then the manifest, then the control file last — the service ignores a delivery without it.
 */
export class AamUploadSession implements UploadSession {
  private readonly open = new Map<string, ObjectWriter>();
  private readonly closed: string[] = [];
  private records = 0;
  private state: 'open' | 'finished' | 'aborted' = 'open';

  constructor(
    private readonly storage: ExchangeStorage,
    private readonly plan: SessionPlan,
    private readonly clock: Clock,
    private readonly release: () => void,
  ) {}

  async add(userIds: readonly string[]): Promise<void> {
    this.assertOpen();
    const traits = [this.plan.sharedAudienceId];
    for (const userId of userIds) {
      if (userId === '' || badUserId.test(userId)) {
        throw DomainError.invalid(
          `user id "${userId.slice(0, 40)}" cannot be sent: it is empty or holds whitespace or a comma`,
        );
      }
      this.plan.writer.add(userId, traits);
    }
    this.records += userIds.length;
    await this.store();
  }

  async finish(): Promise<UploadReceipt> {
    this.assertOpen();
    const set = this.plan.writer.finish();
    await this.store();
    for (const [key, writer] of this.open) await this.close(key, writer);

    const files = this.closed.map((key) => key.slice(this.plan.partition.length));
    await this.storage.put(
      manifestKey(this.plan.uploadId),
      JSON.stringify(this.manifest(set.deliveryName, files)),
    );
    if (files.length > 0)
      await this.storage.put(this.plan.partition + controlFileName(set.deliveryName), set.control.text);
    this.state = 'finished';
    this.release();
    return { uploadId: this.plan.uploadId, files: this.closed, records: this.records };
  }

  async abort(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    for (const writer of this.open.values()) await writer.abort();
    for (const key of this.closed) await this.storage.delete(key);
    this.release();
  }

  private manifest(deliveryName: string, files: string[]): UploadManifest {
    return {
      uploadId: this.plan.uploadId,
      deliveryName,
      partition: this.plan.partition,
      sharedAudienceId: this.plan.sharedAudienceId,
      dataSourceId: this.plan.dataSourceId,
      files,
      records: this.records,
      writtenAt: this.clock.now().toISOString(),
    };
  }

  /** Appends the writer's finished chunks to their files; a file closes once the next one starts. */
  private async store(): Promise<void> {
    for (const chunk of this.plan.writer.takeChunks()) {
      const key = this.plan.partition + chunk.fileName;
      for (const [openKey, writer] of this.open) if (openKey !== key) await this.close(openKey, writer);
      let writer = this.open.get(key);
      if (writer === undefined) {
        writer = await this.storage.openWriter(key);
        this.open.set(key, writer);
      }
      await writer.write(chunk.bytes);
    }
  }

  private async close(key: string, writer: ObjectWriter): Promise<void> {
    await writer.close();
    this.open.delete(key);
    this.closed.push(key);
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new Error(`upload ${this.plan.uploadId} is already ${this.state}`);
  }
}
