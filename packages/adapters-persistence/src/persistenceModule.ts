import { PortTokens, type PortToken } from '@audience-bridge/domain';
import { ContainerModule } from 'inversify';

import type { Persistence } from './openPersistence.js';

/** The token of the whole persistence handle, for the composition root that must close it on shutdown. */
export const PersistenceToken: PortToken<Persistence> = Symbol.for('audience-bridge.Persistence');

/** Binds every storage port of an opened database under the domain's port tokens. */
export function persistenceModule(persistence: Persistence): ContainerModule {
  return new ContainerModule((options) => {
    options.bind(PersistenceToken).toConstantValue(persistence);
    options.bind(PortTokens.ProfileRepository).toConstantValue(persistence.profiles);
    options.bind(PortTokens.AudienceRepository).toConstantValue(persistence.audiences);
    options.bind(PortTokens.ReconciliationStore).toConstantValue(persistence.reconciliation);
    options.bind(PortTokens.RunRepository).toConstantValue(persistence.runs);
    options.bind(PortTokens.DataSourceRepository).toConstantValue(persistence.dataSources);
    options.bind(PortTokens.ExportLedger).toConstantValue(persistence.exportLedger);
    options.bind(PortTokens.TargetingStore).toConstantValue(persistence.targeting);
    options.bind(PortTokens.WorkflowRepository).toConstantValue(persistence.workflows);
  });
}
