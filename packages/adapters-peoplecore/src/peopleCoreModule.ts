import { PortTokens } from '@audience-bridge/domain';
import { ContainerModule } from 'inversify';

import { createPeopleCore, type PeopleCoreDependencies } from './createPeopleCore.js';
import type { PeopleCoreConfigInput } from './PeopleCoreConfig.js';

/** The package's container module: binds the catalog, segment source and upload sink under the domain's tokens. */
export function peopleCoreModule(
  config: PeopleCoreConfigInput,
  dependencies: PeopleCoreDependencies = {},
): ContainerModule {
  const peopleCore = createPeopleCore(config, dependencies);
  return new ContainerModule((options) => {
    options.bind(PortTokens.SharedAudienceCatalog).toConstantValue(peopleCore.catalog);
    options.bind(PortTokens.SegmentSource).toConstantValue(peopleCore.source);
    options.bind(PortTokens.SegmentUploadSink).toConstantValue(peopleCore.sink);
  });
}
