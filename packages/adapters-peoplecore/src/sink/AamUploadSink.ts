import {
  DomainError,
  systemClock,
  type Clock,
  type SegmentUploadSink,
  type UploadStatus,
  type UploadTarget,
} from '@audience-bridge/domain';

import {
  controlFileName,
  ExchangeLayout,
  inboundDeliveryName,
  InboundFileSetWriter,
  parseInboundReceipt,
} from '../formats/index.js';
import type { ExchangeStorage } from '../storage/ExchangeStorage.js';
import { AamUploadSession } from './AamUploadSession.js';
import { manifestKey, parseManifest, type UploadManifest } from './UploadManifest.js';

/** How inbound files are cut and compressed. */
export interface InboundFileSettings {
  readonly maxFileBytes?: number;
  readonly gzip?: boolean;
}

const uploadIdPattern = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * Uploads as AAM inbound `.sync` deliveries in `inbound/date=YYYY-MM-DD/`, each line naming the target
 * segment's SID as `d_sid`. A manifest per upload id (`inbound/uploads/<id>.json`) links the id to its
 * delivery, so `status` can read the control file and the service's receipt.
 */
export class AamUploadSink implements SegmentUploadSink {
  private readonly reserved = new Set<string>();

  constructor(
    private readonly storage: ExchangeStorage,
    private readonly files: InboundFileSettings = {},
    private readonly clock: Clock = systemClock,
  ) {}

  async begin(target: UploadTarget, uploadId: string): Promise<AamUploadSession> {
    if (!uploadIdPattern.test(uploadId))
      throw DomainError.invalid(`"${uploadId.slice(0, 60)}" is not a usable upload id`);
    if (!/^[0-9]{1,19}$/.test(target.sharedAudienceId)) {
      throw DomainError.invalid(`"${target.sharedAudienceId}" is not an Audience Manager segment id`);
    }
    await this.refuseDelivered(uploadId);

    const now = this.clock.now();
    const dpid = target.dataSource.dataSourceId;
    const timestampSec = await this.freeTimestamp(dpid, Math.floor(now.getTime() / 1000));
    const writer = new InboundFileSetWriter({ dpid, timestampSec, ...this.files });
    const name = writer.deliveryName;
    this.reserved.add(name);
    const plan = {
      uploadId,
      partition: ExchangeLayout.inboundPrefix(now),
      sharedAudienceId: target.sharedAudienceId,
      dataSourceId: dpid,
      writer,
    };
    return new AamUploadSession(this.storage, plan, this.clock, () => this.reserved.delete(name));
  }

  async status(uploadId: string): Promise<UploadStatus> {
    if (!uploadIdPattern.test(uploadId)) return 'unknown';
    const manifest = parseManifest(await this.storage.get(manifestKey(uploadId)));
    if (manifest === null) return 'unknown';
    if (manifest.files.length === 0) return 'processed';

    const receipt = parseInboundReceipt(
      (await this.storage.get(ExchangeLayout.receiptKey(manifest.deliveryName)))?.toString('utf8') ?? '',
    );
    if (receipt !== null) return receipt.status;
    return (await this.storage.exists(manifest.partition + controlFileName(manifest.deliveryName)))
      ? 'delivered'
      : 'unknown';
  }

  /** A delivered upload id cannot be reused; a half-written one (no control file) is cleared for the retry. */
  private async refuseDelivered(uploadId: string): Promise<void> {
    const manifest = parseManifest(await this.storage.get(manifestKey(uploadId)));
    if (manifest === null) return;
    if ((await this.status(uploadId)) !== 'unknown') {
      throw new DomainError(
        'CONFLICT',
        `upload ${uploadId} was already delivered as ${manifest.deliveryName}; ask for its status instead`,
        {
          uploadId,
        },
      );
    }
    await this.clear(manifest);
  }

  private async clear(manifest: UploadManifest): Promise<void> {
    for (const file of manifest.files) await this.storage.delete(manifest.partition + file);
    await this.storage.delete(manifestKey(manifest.uploadId));
  }

  /** The first second from `start` whose delivery name is used neither here nor in the exchange. */
  private async freeTimestamp(dpid: number, start: number): Promise<number> {
    const taken = new Set(
      (await this.storage.list('inbound/')).map((object) => deliveryOf(ExchangeLayout.baseName(object.key))),
    );
    let timestampSec = start;
    for (;;) {
      const name = inboundDeliveryName({ dpid, targetDpid: null, timestampSec });
      if (!taken.has(name) && !this.reserved.has(name)) return timestampSec;
      timestampSec += 1;
    }
  }
}

const deliveryOf = (fileName: string): string => fileName.replace(/\.(sync|overwrite|info|json).*$/, '');
