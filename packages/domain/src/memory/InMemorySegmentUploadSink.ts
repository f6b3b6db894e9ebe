import type {
  SegmentUploadSink,
  UploadReceipt,
  UploadSession,
  UploadStatus,
  UploadTarget,
} from '../ports/PeopleCore.js';
import { DomainError } from '../shared/DomainError.js';
import { promised } from './paging.js';

interface Delivered {
  readonly target: UploadTarget;
  readonly userIds: readonly string[];
  status: UploadStatus;
}

/** The reference upload sink: records each finished upload; an unfinished one leaves no trace. */
export class InMemorySegmentUploadSink implements SegmentUploadSink {
  private readonly uploads = new Map<string, Delivered>();
  private failNextFinish: Error | null = null;

  begin(target: UploadTarget, uploadId: string): Promise<UploadSession> {
    return promised(() => {
      if (this.uploads.has(uploadId))
        throw new DomainError('CONFLICT', `upload ${uploadId} was already delivered`);

      return new InMemoryUploadSession(uploadId, (userIds) => this.deliver(target, uploadId, userIds));
    });
  }

  status(uploadId: string): Promise<UploadStatus> {
    return Promise.resolve(this.uploads.get(uploadId)?.status ?? 'unknown');
  }

  /** The user IDs the service received in an upload, in the order they were added; empty when none arrived. */
  delivered(uploadId: string): string[] {
    return [...(this.uploads.get(uploadId)?.userIds ?? [])];
  }

  /** Every user ID delivered to a shared audience, over all uploads. */
  deliveredTo(sharedAudienceId: string): string[] {
    return [...this.uploads.values()]
      .filter((upload) => upload.target.sharedAudienceId === sharedAudienceId)
      .flatMap((upload) => upload.userIds);
  }

  /** Moves an upload to another status, as the service's asynchronous processing would. */
  setStatus(uploadId: string, status: UploadStatus): void {
    const upload = this.uploads.get(uploadId);
    if (upload !== undefined) upload.status = status;
  }

  /** Makes the next `finish` fail before anything is delivered. */
  failNextFinishWith(error: Error): void {
    this.failNextFinish = error;
  }

  private deliver(target: UploadTarget, uploadId: string, userIds: readonly string[]): UploadReceipt {
    const failure = this.failNextFinish;
    if (failure !== null) {
      this.failNextFinish = null;
      throw failure;
    }
    this.uploads.set(uploadId, { target, userIds, status: 'delivered' });

    return { uploadId, files: [`memory://${target.sharedAudienceId}/${uploadId}`], records: userIds.length };
  }
}

class InMemoryUploadSession implements UploadSession {
  private readonly userIds: string[] = [];
  private state: 'open' | 'finished' | 'aborted' = 'open';

  constructor(
    private readonly uploadId: string,
    private readonly onFinish: (userIds: readonly string[]) => UploadReceipt,
  ) {}

  add(userIds: readonly string[]): Promise<void> {
    return promised(() => {
      this.assertOpen();
      this.userIds.push(...userIds);

      return undefined;
    });
  }

  finish(): Promise<UploadReceipt> {
    return promised(() => {
      this.assertOpen();
      this.state = 'finished';

      return this.onFinish(this.userIds);
    });
  }

  abort(): Promise<void> {
    if (this.state === 'open') this.state = 'aborted';

    return Promise.resolve();
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new Error(`upload ${this.uploadId} is already ${this.state}`);
  }
}
