import { InMemoryAudienceRepository } from './InMemoryAudienceRepository.js';
import { InMemoryDataSourceRepository } from './InMemoryDataSourceRepository.js';
import { InMemoryExportLedger } from './InMemoryExportLedger.js';
import { InMemoryProfileRepository } from './InMemoryProfileRepository.js';
import { InMemoryReconciliationStore } from './InMemoryReconciliationStore.js';
import { InMemoryRunRepository } from './InMemoryRunRepository.js';
import { InMemorySegmentSource } from './InMemorySegmentSource.js';
import { InMemorySegmentUploadSink } from './InMemorySegmentUploadSink.js';
import { InMemorySharedAudienceCatalog } from './InMemorySharedAudienceCatalog.js';
import { InMemoryTargetingStore } from './InMemoryTargetingStore.js';
import { InMemoryWorkflowRepository } from './InMemoryWorkflowRepository.js';
import { FixedClock, SequentialIdGenerator } from './runtime.js';

/** Every port implemented in memory and wired together: the whole service without a database or network. */
export interface InMemoryPorts {
  readonly profiles: InMemoryProfileRepository;
  readonly audiences: InMemoryAudienceRepository;
  readonly reconciliation: InMemoryReconciliationStore;
  readonly runs: InMemoryRunRepository;
  readonly dataSources: InMemoryDataSourceRepository;
  readonly ledger: InMemoryExportLedger;
  readonly targeting: InMemoryTargetingStore;
  readonly workflows: InMemoryWorkflowRepository;
  readonly catalog: InMemorySharedAudienceCatalog;
  readonly segments: InMemorySegmentSource;
  readonly uploads: InMemorySegmentUploadSink;
  readonly clock: FixedClock;
  readonly ids: SequentialIdGenerator;
}

/** Creates a fresh, empty set of in-memory adapters sharing one profile and audience store. */
export function createInMemoryPorts(): InMemoryPorts {
  const profiles = new InMemoryProfileRepository();
  const audiences = new InMemoryAudienceRepository();

  return {
    profiles,
    audiences,
    reconciliation: new InMemoryReconciliationStore(profiles, audiences),
    runs: new InMemoryRunRepository(),
    dataSources: new InMemoryDataSourceRepository(),
    ledger: new InMemoryExportLedger(),
    targeting: new InMemoryTargetingStore(profiles, audiences),
    workflows: new InMemoryWorkflowRepository(),
    catalog: new InMemorySharedAudienceCatalog(),
    segments: new InMemorySegmentSource(),
    uploads: new InMemorySegmentUploadSink(),
    clock: new FixedClock(),
    ids: new SequentialIdGenerator(),
  };
}
