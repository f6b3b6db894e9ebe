import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { AppContext } from '@audience-bridge/app-api';
import {
  decryptAesCbcBatch,
  isAes,
  normaliseEmail,
  type Principal,
  type Profile,
  type Result,
  type Run,
} from '@audience-bridge/domain';
import {
  campaignProfiles,
  type FaultOptions,
  type FileFault,
  type RunningEmulator,
} from '@audience-bridge/peoplecore-emulator';

import { referenceMembers, sorted } from './crashRig.js';
import {
  addPopulationDataSources,
  createImport,
  imsPrincipal,
  loadProfiles,
  membersOf,
  openScenario,
  sqliteUrl,
} from './scenario.js';

type PopulationSource = RunningEmulator['population']['dataSources'][number];

/** The app on the embedded emulator, with profiles, data sources and one import per data source. */
export interface FaultRig {
  readonly context: AppContext;
  readonly emulator: RunningEmulator;
  readonly principal: Principal;
  readonly profiles: Profile[];
  readonly imports: {
    readonly source: PopulationSource;
    readonly sid: number;
    readonly audienceId: string;
  }[];
  close(): Promise<void>;
}

/** Creates an import, retrying a failure that names its cause (the service may be failing). */
async function createImportResumably(
  context: AppContext,
  principal: Principal,
  sid: number,
  dataSourceId: string,
  failures: string[],
): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await createImport(context, principal, sid, dataSourceId);
    } catch (error) {
      if (attempt >= 5) throw error;
      failures.push(String(error).split('\n', 1)[0] ?? '');
    }
  }
}

/** Opens the app with the given HTTP faults already on, and creates one import per data source through them. */
export async function openFaultRig(
  faults: FaultOptions,
  size: number,
  failures: string[],
): Promise<FaultRig> {
  const dir = mkdtempSync(join(tmpdir(), 'ab-faults-'));
  const context = await openScenario(
    { dir, databaseUrl: sqliteUrl(dir) },
    { seed: 23, population: { size }, faults },
  );
  const emulator = context.emulator;
  if (emulator === null) throw new Error('the fault rig needs the embedded emulator');
  const principal = imsPrincipal(context);
  const profiles = campaignProfiles(emulator.population);
  await loadProfiles(context, principal.orgId, profiles);
  await addPopulationDataSources(context, principal);
  const imports = [];
  for (const segment of emulator.population.segments) {
    const source = emulator.population.dataSources.find(
      (candidate) => candidate.dataSourceId === segment.source.dataSourceId,
    );
    if (source === undefined) continue;
    imports.push({
      source,
      sid: segment.sid,
      audienceId: await createImportResumably(context, principal, segment.sid, source.shared.id, failures),
    });
  }
  for (const source of emulator.population.dataSources)
    await emulator.admin.deliver(source.destinationId, { mode: 'full' });
  for (const entry of imports) {
    const first = await context.useCases.syncAudience.execute(principal, { audienceId: entry.audienceId });
    if (!first.ok || first.value.status !== 'succeeded')
      throw new Error(`the first sync of ${entry.audienceId} did not succeed`);
  }
  return {
    context,
    emulator,
    principal,
    profiles,
    imports,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What an import of the segment's current members must give: reconciled profile keys, or decrypted addresses. */
export function expectedImport(rig: FaultRig, source: PopulationSource, sid: number): string[] {
  const userIds = rig.emulator.admin.members(sid);
  const { encryption } = source.shared;
  if (isAes(encryption) && source.shared.channel === 'email') {
    const addresses = decryptAesCbcBatch(userIds, encryption).flatMap((result) =>
      result.ok ? [normaliseEmail(result.value)] : [],
    );
    return sorted(new Set(addresses.filter((address): address is string => address !== null)));
  }
  return referenceMembers(userIds, rig.profiles, source.shared);
}

/** Delivers the source's segments in full, optionally with a file fault. */
export async function deliver(
  rig: FaultRig,
  source: PopulationSource,
  fault: FileFault | null,
): Promise<readonly string[]> {
  const delivery = await rig.emulator.admin.deliver(source.destinationId, {
    mode: 'full',
    ...(fault === null ? {} : { faults: [fault] }),
  });
  return delivery.faults;
}

/** The members an import holds now, sorted. */
export async function currentMembers(rig: FaultRig, audienceId: string): Promise<string[]> {
  return sorted(await membersOf(rig.context, rig.principal.orgId, audienceId));
}

/** The stored run a use case ran, whether it succeeded or failed (a failure names its run). */
export async function storedRun(rig: FaultRig, result: Result<Run>): Promise<Run> {
  const runId = result.ok ? result.value.id : result.error.details['runId'];
  const run = typeof runId === 'string' ? await rig.context.ports.runs.get(rig.principal.orgId, runId) : null;
  if (run === null) throw result.ok ? new Error('the run was not stored') : result.error;
  return run;
}

/** Syncs an import and returns its stored run with the audience's members after it. */
export async function syncOnce(rig: FaultRig, audienceId: string): Promise<{ run: Run; members: string[] }> {
  const result = await rig.context.useCases.syncAudience.execute(rig.principal, { audienceId });
  return { run: await storedRun(rig, result), members: await currentMembers(rig, audienceId) };
}
