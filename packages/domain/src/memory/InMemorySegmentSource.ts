import type { SharedDataSource } from '../datasources/SharedDataSource.js';
import type { SegmentSnapshot, SegmentSource } from '../ports/PeopleCore.js';
import { DomainError } from '../shared/DomainError.js';
import { batchesOf } from './paging.js';

interface Delivery {
  readonly ids: readonly string[];
  readonly number: number;
}

interface Failure {
  readonly error: Error;
  /** Batches delivered before the failure; 0 fails when the snapshot is taken. */
  readonly afterBatches: number;
}

/** The reference segment source: memberships a test sets, delivered as they were at snapshot time. */
export class InMemorySegmentSource implements SegmentSource {
  private readonly deliveries = new Map<string, Delivery>();
  private readonly failures = new Map<string, Failure>();
  private deliveryCount = 0;

  /** Replaces the membership the service would deliver next for a shared audience. */
  setMembers(sharedAudienceId: string, ids: readonly string[]): void {
    this.deliveryCount += 1;
    this.deliveries.set(sharedAudienceId, { ids: [...ids], number: this.deliveryCount });
  }

  /** Makes the next snapshots of a shared audience fail, at once or after some batches. */
  failWith(sharedAudienceId: string, error: Error, afterBatches = 0): void {
    this.failures.set(sharedAudienceId, { error, afterBatches });
  }

  /** Removes an injected failure. */
  heal(sharedAudienceId: string): void {
    this.failures.delete(sharedAudienceId);
  }

  snapshot(sharedAudienceId: string, dataSource: SharedDataSource): Promise<SegmentSnapshot> {
    const failure = this.failures.get(sharedAudienceId);
    if (failure?.afterBatches === 0) return Promise.reject(failure.error);

    const delivery = this.deliveries.get(sharedAudienceId);
    if (delivery === undefined) {
      return Promise.reject(
        new DomainError(
          'NOT_FOUND',
          `no delivery of shared audience ${sharedAudienceId} for data source ${dataSource.label}`,
        ),
      );
    }

    return Promise.resolve(
      new InMemorySnapshot(`${sharedAudienceId}@${delivery.number}`, delivery.ids, failure),
    );
  }
}

class InMemorySnapshot implements SegmentSnapshot {
  constructor(
    readonly deliveryId: string,
    private readonly ids: readonly string[],
    private readonly failure: Failure | undefined,
  ) {}

  async *batches(batchSize: number): AsyncIterable<string[]> {
    let delivered = 0;
    for (const batch of batchesOf(this.ids, batchSize)) {
      if (this.failure !== undefined && delivered === this.failure.afterBatches) throw this.failure.error;
      await Promise.resolve();
      yield batch;
      delivered += 1;
    }
    if (this.failure !== undefined && delivered <= this.failure.afterBatches) throw this.failure.error;
  }
}
