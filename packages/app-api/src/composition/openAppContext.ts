import { peopleCoreModule, type PeopleCoreConfigInput } from '@audience-bridge/adapters-peoplecore';
import { openPersistence, persistenceModule, type Persistence } from '@audience-bridge/adapters-persistence';
import {
  PortTokens,
  systemClock,
  type NormalisationOptions,
  type PortToken,
  type Progress,
} from '@audience-bridge/domain';
import type { RunningEmulator } from '@audience-bridge/peoplecore-emulator';
import { Container } from 'inversify';

import type { Config } from '../config/Config.js';
import { PinoLogger } from '../logging/PinoLogger.js';
import { RandomIdGenerator } from '../runtime/RandomIdGenerator.js';
import { startEmbeddedEmulator, type EmbeddedEmulatorOptions } from './embeddedEmulator.js';
import { resolveMasterKey } from './masterKey.js';
import {
  peopleCoreOrg,
  peopleCoreSettings,
  tokenVerification,
  type TokenVerification,
} from './peopleCoreSettings.js';
import type { ServicePorts } from './ServicePorts.js';
import { AppTokens } from './tokens.js';
import { createUseCases, type UseCases } from './UseCases.js';

/** The running service: configuration, container, ports and use cases, and what must be closed. */
export interface AppContext {
  readonly config: Config;
  readonly logger: PinoLogger;
  readonly container: Container;
  readonly persistence: Persistence;
  readonly ports: ServicePorts;
  readonly useCases: UseCases;
  /** The in-process People core emulator of the embedded shape, or `null` with a real service. */
  readonly emulator: RunningEmulator | null;
  readonly tokens: TokenVerification;
  /** The same use cases, reporting long work to the given progress. */
  withProgress(progress: Progress): UseCases;
  close(): Promise<void>;
}

export interface AppContextOptions {
  readonly logger?: PinoLogger;
  /** Settings for the embedded emulator (population, faults); ignored with a real People core service. */
  readonly emulator?: EmbeddedEmulatorOptions;
}

/** The composition root shared by the API and the CLI: one container, adapters chosen by configuration. */
export async function openAppContext(config: Config, options: AppContextOptions = {}): Promise<AppContext> {
  const logger = options.logger ?? PinoLogger.create(config.AB_LOG_LEVEL);
  const emulator =
    config.AB_PEOPLECORE_URL === 'embedded' ? await startEmbeddedEmulator(config, options.emulator) : null;
  let opened: { persistence: Persistence; settings: PeopleCoreConfigInput; accountOrg: string };
  try {
    const settings = peopleCoreSettings(config, emulator);
    const accountOrg = peopleCoreOrg(config, emulator);
    const persistence = await openPersistence({
      url: config.AB_DATABASE_URL,
      masterKey: resolveMasterKey(config),
    });
    opened = { persistence, settings, accountOrg };
  } catch (error) {
    await emulator?.close();
    throw error;
  }
  const { persistence } = opened;

  const container = new Container();
  container.load(persistenceModule(persistence), peopleCoreModule(opened.settings));
  container.bind(AppTokens.Config).toConstantValue(config);
  container.bind(PortTokens.Logger).toConstantValue(logger);
  container.bind(PortTokens.Clock).toConstantValue(systemClock);
  container.bind(PortTokens.IdGenerator).toConstantValue(new RandomIdGenerator());
  container.bind(AppTokens.ServicePorts).toConstantValue(servicePorts(container));
  const useCaseOptions = {
    normalisation: { defaultRegion: config.AB_DEFAULT_REGION as NormalisationOptions['defaultRegion'] },
    peopleCoreOrg: opened.accountOrg,
  };
  container
    .bind(AppTokens.UseCases)
    .toResolvedValue((ports: ServicePorts) => createUseCases(ports, useCaseOptions), [AppTokens.ServicePorts])
    .inSingletonScope();

  const ports = resolve(container, AppTokens.ServicePorts);
  return {
    config,
    logger,
    container,
    persistence,
    ports,
    useCases: resolve(container, AppTokens.UseCases),
    emulator,
    tokens: tokenVerification(config, emulator),
    withProgress: (progress) => createUseCases(ports, { ...useCaseOptions, progress }),
    close: async () => {
      await persistence.close();
      await emulator?.close();
    },
  };
}

/** A typed lookup: the token carries the type of what it names. */
export function resolve<T>(container: Container, token: PortToken<T>): T {
  return container.get<T>(token);
}

function servicePorts(container: Container): ServicePorts {
  const get = <T>(token: PortToken<T>): T => resolve(container, token);
  return {
    profiles: get(PortTokens.ProfileRepository),
    audiences: get(PortTokens.AudienceRepository),
    reconciliation: get(PortTokens.ReconciliationStore),
    runs: get(PortTokens.RunRepository),
    dataSources: get(PortTokens.DataSourceRepository),
    ledger: get(PortTokens.ExportLedger),
    targeting: get(PortTokens.TargetingStore),
    workflows: get(PortTokens.WorkflowRepository),
    catalog: get(PortTokens.SharedAudienceCatalog),
    segments: get(PortTokens.SegmentSource),
    uploads: get(PortTokens.SegmentUploadSink),
    clock: get(PortTokens.Clock),
    ids: get(PortTokens.IdGenerator),
  };
}
