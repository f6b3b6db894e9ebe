import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { AppContext, EmbeddedEmulatorOptions } from '@audience-bridge/app-api';
import {
  decodeSegmentIds,
  reconcile,
  type Principal,
  type Profile,
  type Progress,
  type SharedDataSource,
} from '@audience-bridge/domain';
import { campaignProfiles } from '@audience-bridge/peoplecore-emulator';

import type { CrashJob } from './crashChild.js';
import { startCrashChild, type ReadyChild } from './killChild.js';
import {
  addPopulationDataSources,
  imsPrincipal,
  loadProfiles,
  openScenario,
  type ScenarioPlace,
} from './scenario.js';

/** A parent-side scenario the crash children run against: the app, its emulator, and what they were given. */
export interface CrashRig {
  readonly context: AppContext;
  readonly principal: Principal;
  readonly place: ScenarioPlace;
  readonly profiles: Profile[];
  readonly visitor: SharedDataSource;
  sid(name: string): number;
  /** A child ready to run the operation, started now so that its start-up overlaps the parent's work. */
  child(operation: CrashJob['operation']): Promise<ReadyChild>;
  close(): Promise<void>;
}

/** Opens the parent's app on the given database, with a population, its profiles and its data sources. */
export async function openCrashRig(
  databaseUrl: (dir: string) => string,
  emulatorOptions: EmbeddedEmulatorOptions,
): Promise<CrashRig> {
  const dir = mkdtempSync(join(tmpdir(), 'ab-crash-'));
  const place = { dir, databaseUrl: databaseUrl(dir) };
  const context = await openScenario(place, emulatorOptions);
  const emulator = context.emulator;
  if (emulator === null) throw new Error('the crash rig needs the embedded emulator');
  const principal = imsPrincipal(context);
  const profiles = campaignProfiles(emulator.population);
  await loadProfiles(context, principal.orgId, profiles);
  await addPopulationDataSources(context, principal);
  const visitor = emulator.population.dataSources.find((source) => source.kind === 'visitor')?.shared;
  if (visitor === undefined) throw new Error('the population has no visitor data source');
  const childPlace = { ...place, peopleCoreUrl: emulator.url };

  return {
    context,
    principal,
    place,
    profiles,
    visitor,
    sid: (name) => {
      const found = emulator.population.segments.find((segment) => segment.name === name);
      if (found === undefined) throw new Error(`no segment named ${name}`);
      return found.sid;
    },
    child: (operation) => startCrashChild({ place: childPlace, orgId: principal.orgId, operation }),
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The members the domain reference reconciliation gives for a segment's user IDs. */
export function referenceMembers(
  userIds: readonly string[],
  profiles: readonly Profile[],
  source: SharedDataSource,
): string[] {
  return reconcile(decodeSegmentIds(userIds, source).staged, profiles).members;
}

/** Counts progress advances, to know how many markers a child will print. */
export function countingProgress(): Progress & { readonly advances: () => number } {
  let advances = 0;
  return {
    start: () => undefined,
    advance: () => {
      advances += 1;
    },
    finish: () => undefined,
    advances: () => advances,
  };
}

/** Sorted copy, for comparing member sets. */
export const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** Whether two sorted lists are equal. */
export const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);
