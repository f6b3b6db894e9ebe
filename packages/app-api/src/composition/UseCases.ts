import {
  CreateSharedAudienceImport,
  EstimateWorkflow,
  ListSharedAudiences,
  ManageDataSources,
  ManageWorkflows,
  ReadAudiences,
  ReadRuns,
  RunExportWorkflow,
  SyncImportedAudience,
  UpsertProfiles,
  silentProgress,
  type NormalisationOptions,
  type OrgId,
  type Progress,
} from '@audience-bridge/domain';

import type { ServicePorts } from './ServicePorts.js';

/** Every use case of the service, built on one set of ports. */
export interface UseCases {
  readonly createImport: CreateSharedAudienceImport;
  readonly syncAudience: SyncImportedAudience;
  readonly runWorkflow: RunExportWorkflow;
  readonly sharedAudiences: ListSharedAudiences;
  readonly dataSources: ManageDataSources;
  readonly profiles: UpsertProfiles;
  readonly runs: ReadRuns;
  readonly audiences: ReadAudiences;
  readonly workflows: ManageWorkflows;
  readonly estimateWorkflow: EstimateWorkflow;
}

export interface UseCaseOptions {
  readonly progress?: Progress;
  readonly normalisation: NormalisationOptions;
  /** The organisation the People core account belongs to. */
  readonly peopleCoreOrg: OrgId;
}

/** Builds the use cases; long ones report to the given progress (a terminal bar, log lines, or nothing). */
export function createUseCases(ports: ServicePorts, options: UseCaseOptions): UseCases {
  const progress = options.progress ?? silentProgress;
  const { normalisation, peopleCoreOrg } = options;

  return {
    createImport: new CreateSharedAudienceImport({ ...ports, peopleCoreOrg }),
    syncAudience: new SyncImportedAudience({ ...ports, progress, normalisation }),
    runWorkflow: new RunExportWorkflow({ ...ports, peopleCoreOrg }),
    sharedAudiences: new ListSharedAudiences({ ...ports, peopleCoreOrg }),
    dataSources: new ManageDataSources(ports),
    profiles: new UpsertProfiles({ ...ports, normalisation }),
    runs: new ReadRuns(ports),
    audiences: new ReadAudiences(ports),
    workflows: new ManageWorkflows(ports),
    estimateWorkflow: new EstimateWorkflow({ ...ports, peopleCoreOrg }),
  };
}
