import type { AudienceRepository } from './AudienceRepository.js';
import type { DataSourceRepository } from './DataSourceRepository.js';
import type { ExportLedger } from './ExportLedger.js';
import type { SegmentSource, SegmentUploadSink, SharedAudienceCatalog } from './PeopleCore.js';
import type { ProfileRepository } from './ProfileRepository.js';
import type { ReconciliationStore } from './ReconciliationStore.js';
import type { RunRepository } from './RunRepository.js';
import type { Clock, IdGenerator, Logger } from './Runtime.js';
import type { TargetingStore } from './TargetingStore.js';
import type { WorkflowRepository } from './WorkflowRepository.js';

/** A symbol naming a port, typed with the port so that a container lookup is typed too. */
export type PortToken<T> = symbol & { readonly __port?: T };

const token = <T>(name: string): PortToken<T> => Symbol.for(`audience-bridge.${name}`);

/**
 * The names under which adapters provide the domain's ports. They are plain symbols: the domain
 * knows no DI framework, while each adapter package's container module binds them.
 */
export const PortTokens = {
  ProfileRepository: token<ProfileRepository>('ProfileRepository'),
  AudienceRepository: token<AudienceRepository>('AudienceRepository'),
  ReconciliationStore: token<ReconciliationStore>('ReconciliationStore'),
  RunRepository: token<RunRepository>('RunRepository'),
  DataSourceRepository: token<DataSourceRepository>('DataSourceRepository'),
  ExportLedger: token<ExportLedger>('ExportLedger'),
  TargetingStore: token<TargetingStore>('TargetingStore'),
  WorkflowRepository: token<WorkflowRepository>('WorkflowRepository'),
  SharedAudienceCatalog: token<SharedAudienceCatalog>('SharedAudienceCatalog'),
  SegmentSource: token<SegmentSource>('SegmentSource'),
  SegmentUploadSink: token<SegmentUploadSink>('SegmentUploadSink'),
  Clock: token<Clock>('Clock'),
  IdGenerator: token<IdGenerator>('IdGenerator'),
  Logger: token<Logger>('Logger'),
} as const;
