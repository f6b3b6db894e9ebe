import type {
  AudienceRepository,
  Clock,
  DataSourceRepository,
  ExportLedger,
  IdGenerator,
  ProfileRepository,
  ReconciliationStore,
  RunRepository,
  SegmentSource,
  SegmentUploadSink,
  SharedAudienceCatalog,
  TargetingStore,
  WorkflowRepository,
} from '@audience-bridge/domain';

/** Every port the use cases need, as one record: the shape the domain's use cases take their ports in. */
export interface ServicePorts {
  readonly profiles: ProfileRepository;
  readonly audiences: AudienceRepository;
  readonly reconciliation: ReconciliationStore;
  readonly runs: RunRepository;
  readonly dataSources: DataSourceRepository;
  readonly ledger: ExportLedger;
  readonly targeting: TargetingStore;
  readonly workflows: WorkflowRepository;
  readonly catalog: SharedAudienceCatalog;
  readonly segments: SegmentSource;
  readonly uploads: SegmentUploadSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}
