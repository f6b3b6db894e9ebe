import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import {
  loadConfig,
  openAppContext,
  type AppContext,
  type Config,
  type EmbeddedEmulatorOptions,
} from '@audience-bridge/app-api';
import type { Principal, Profile } from '@audience-bridge/domain';
import { defaultImsClient } from '@audience-bridge/peoplecore-emulator';

/** The master key every process of a scenario shares, so data-source keys sealed by one open in another. */
export const SCENARIO_MASTER_KEY = 'reliability-master-key-0123456789abcdef';

/** Where a scenario keeps its files and which database and People core service it uses. */
export interface ScenarioPlace {
  readonly dir: string;
  readonly databaseUrl: string;
  /** A running emulator's URL (a child process talks to the parent's); the embedded one when absent. */
  readonly peopleCoreUrl?: string;
}

/** The database URL of a SQLite file inside the scenario folder. */
export const sqliteUrl = (dir: string): string => `sqlite:${join(dir, 'data', 'ab.db')}`;

/** The validated configuration of a scenario, exactly as the app reads it from the environment. */
export function scenarioConfig(place: ScenarioPlace, extra: Record<string, string> = {}): Config {
  mkdirSync(join(place.dir, 'data'), { recursive: true });
  const remote =
    place.peopleCoreUrl === undefined
      ? {}
      : {
          AB_PEOPLECORE_URL: place.peopleCoreUrl,
          AB_IMS_CLIENT_ID: defaultImsClient.clientId,
          AB_IMS_CLIENT_SECRET: defaultImsClient.clientSecret,
          AB_ORG_ID: defaultImsClient.orgId,
        };
  return loadConfig(
    {
      AB_DATA_DIR: join(place.dir, 'data'),
      AB_DATABASE_URL: place.databaseUrl,
      AB_EXCHANGE: join(place.dir, 'exchange'),
      AB_MASTER_KEY: SCENARIO_MASTER_KEY,
      AB_LOG_LEVEL: 'silent',
      ...remote,
      ...extra,
    },
    join(place.dir, '.env'),
  );
}

/** Opens the app on a scenario; with no `peopleCoreUrl` it starts the emulator in-process with `emulator`. */
export function openScenario(place: ScenarioPlace, emulator?: EmbeddedEmulatorOptions): Promise<AppContext> {
  return openAppContext(scenarioConfig(place), emulator === undefined ? {} : { emulator });
}

/** An IMS principal of the emulator population's organisation. */
export function imsPrincipal(context: AppContext): Principal {
  const orgId = context.emulator?.population.orgId;
  if (orgId === undefined) throw new Error('the scenario has no embedded emulator');
  return { orgId, subject: 'reliability', authMethod: 'ims' };
}

/** Loads profiles in chunks through the repository (the fast path the CLI import also ends in). */
export async function loadProfiles(
  context: AppContext,
  org: string,
  profiles: readonly Profile[],
): Promise<void> {
  for (let start = 0; start < profiles.length; start += 5_000) {
    await context.ports.profiles.upsertMany(org, profiles.slice(start, start + 5_000));
  }
}

/** Registers every data source of the emulator population on the campaign side. */
export async function addPopulationDataSources(context: AppContext, principal: Principal): Promise<void> {
  for (const source of context.emulator?.population.dataSources ?? []) {
    const added = await context.useCases.dataSources.add(principal, source.shared);
    if (!added.ok) throw added.error;
  }
}

/** The current members of an audience, in the order the repository streams them. */
export async function membersOf(context: AppContext, org: string, audienceId: string): Promise<string[]> {
  const all: string[] = [];
  for await (const batch of context.ports.audiences.streamMembers(org, audienceId, 10_000))
    all.push(...batch);
  return all;
}

/** Creates the campaign audience an import sync keeps in line with a segment. */
export async function createImport(
  context: AppContext,
  principal: Principal,
  sid: number,
  dataSourceId: string,
): Promise<string> {
  const created = await context.useCases.createImport.execute(principal, {
    label: `import of ${sid}`,
    sharedAudienceId: String(sid),
    dataSourceId,
    forceReconciliation: false,
  });
  if (!created.ok) throw created.error;
  return created.value.id;
}
