import {
  InMemoryAudienceRepository,
  InMemoryDataSourceRepository,
  InMemoryExportLedger,
  InMemoryProfileRepository,
  InMemoryReconciliationStore,
  InMemoryRunRepository,
  InMemorySegmentSource,
  InMemorySegmentUploadSink,
  InMemorySharedAudienceCatalog,
  InMemoryTargetingStore,
  InMemoryWorkflowRepository,
} from '../src/index.js';
import {
  audienceRepositoryContract,
  dataSourceRepositoryContract,
  exportLedgerContract,
  profileRepositoryContract,
  reconciliationStoreContract,
  runRepositoryContract,
  segmentSourceContract,
  segmentUploadSinkContract,
  sharedAudienceCatalogContract,
  targetingStoreContract,
  workflowRepositoryContract,
} from '../src/testing/index.js';

// The reference adapters must pass the same kits every database or People core adapter runs.
const stores = () => {
  const profiles = new InMemoryProfileRepository();
  const audiences = new InMemoryAudienceRepository();

  return { profiles, audiences };
};

profileRepositoryContract('in memory', () => Promise.resolve({ repo: new InMemoryProfileRepository() }));
audienceRepositoryContract('in memory', () => Promise.resolve({ repo: new InMemoryAudienceRepository() }));
reconciliationStoreContract('in memory', () => {
  const { profiles, audiences } = stores();

  return Promise.resolve({
    store: new InMemoryReconciliationStore(profiles, audiences),
    profiles,
    audiences,
  });
});
runRepositoryContract('in memory', () => Promise.resolve({ repo: new InMemoryRunRepository() }));
dataSourceRepositoryContract('in memory', () =>
  Promise.resolve({ repo: new InMemoryDataSourceRepository() }),
);
exportLedgerContract('in memory', () => Promise.resolve({ ledger: new InMemoryExportLedger() }));
targetingStoreContract('in memory', () => {
  const { profiles, audiences } = stores();

  return Promise.resolve({ store: new InMemoryTargetingStore(profiles, audiences), profiles, audiences });
});
workflowRepositoryContract('in memory', () => Promise.resolve({ repo: new InMemoryWorkflowRepository() }));
sharedAudienceCatalogContract('in memory', () =>
  Promise.resolve({ catalog: new InMemorySharedAudienceCatalog() }),
);
segmentSourceContract('in memory', () => {
  const source = new InMemorySegmentSource();

  return Promise.resolve({
    source,
    seed: (id: string, _dataSource: unknown, ids: readonly string[]) => {
      source.setMembers(id, ids);

      return Promise.resolve();
    },
  });
});
segmentUploadSinkContract('in memory', () => {
  const sink = new InMemorySegmentUploadSink();

  return Promise.resolve({
    sink,
    delivered: (uploadId: string) => Promise.resolve(sink.delivered(uploadId)),
  });
});
