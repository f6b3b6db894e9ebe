import type { AppContext } from '@audience-bridge/app-api';
import {
  UpsertProfiles,
  type NormalisationOptions,
  type Principal,
  type Progress,
  type Run,
} from '@audience-bridge/domain';
import {
  campaignProfiles,
  expectedMembers,
  userIdFor,
  type PopulationSegment,
  type RunningEmulator,
} from '@audience-bridge/peoplecore-emulator';

import { unwrap } from '../runtime/unwrap.js';

/** Rows handed to the database per batch: big, because profile load is the heavy part of the demo. */
const PROFILE_BATCH = 10_000;

/** Loads the population's campaign profiles through the UpsertProfiles use case, in big batches. */
export async function loadProfiles(
  context: AppContext,
  emulator: RunningEmulator,
  principal: Principal,
  progress: Progress,
) {
  const profiles = campaignProfiles(emulator.population);
  const normalisation = {
    defaultRegion: context.config.AB_DEFAULT_REGION as NormalisationOptions['defaultRegion'],
  };
  const upsert = new UpsertProfiles({
    profiles: context.ports.profiles,
    normalisation,
    batchSize: PROFILE_BATCH,
  });
  function* rows(): Generator {
    for (let start = 0; start < profiles.length; start += PROFILE_BATCH) {
      yield* profiles.slice(start, start + PROFILE_BATCH);
      progress.advance(Math.min(PROFILE_BATCH, profiles.length - start));
    }
  }

  progress.start('profiles', profiles.length);
  const started = Date.now();
  const result = unwrap(await upsert.execute(principal, rows()));
  progress.finish();

  return {
    read: result.read,
    inserted: result.inserted,
    updated: result.updated,
    rejected: result.rejected.length,
    durationMs: Date.now() - started,
  };
}

/** The population's segment of a data-source kind. */
export function segmentOf(emulator: RunningEmulator, kind: string): PopulationSegment {
  const segment = emulator.population.segments.find((candidate) => candidate.source.kind === kind);
  if (segment === undefined) throw new Error(`the demo population has no ${kind} segment`);

  return segment;
}

/** Creates an import of a segment and runs its first sync. */
export async function importSegment(
  context: AppContext,
  principal: Principal,
  segment: PopulationSegment,
  progress: Progress,
) {
  const dataSourceId = segment.source.shared.id;
  const audience = unwrap(
    await context.useCases.createImport.execute(principal, {
      label: segment.name,
      sharedAudienceId: String(segment.sid),
      dataSourceId,
      forceReconciliation: false,
    }),
  );
  const run = unwrap(
    await context.withProgress(progress).syncAudience.execute(principal, { audienceId: audience.id }),
  );

  return { audience, run, dataSourceId };
}

/**
 * Changes a segment in the emulator, as People core would between two syncs: some campaign members
 * leave, as many campaign people join; then a new `iter` delivery carries the change.
 */
export async function changeSegment(emulator: RunningEmulator, segment: PopulationSegment) {
  const inCampaign = expectedMembers(segment).inCampaign;
  const step = Math.max(1, Math.round(inCampaign.length / 20));
  const leaving = inCampaign.slice(0, step);
  const members = new Set(segment.members.map((person) => person.index));
  const joining = emulator.population.people
    .filter((person) => person.inCampaign && !members.has(person.index))
    .slice(0, step);

  const removed = emulator.admin.removeMembers(
    segment.sid,
    leaving.map((person) => userIdFor(person, segment.source)),
  );
  const added = emulator.admin.addMembers(
    segment.sid,
    joining.map((person) => userIdFor(person, segment.source)),
  );
  await emulator.admin.deliver(segment.source.destinationId, { mode: 'iter' });

  return { added, removed, expectedMembers: inCampaign.length - removed + added };
}

/** Re-syncs an imported audience after the change. */
export async function resync(
  context: AppContext,
  principal: Principal,
  audienceId: string,
  progress: Progress,
): Promise<Run> {
  return unwrap(await context.withProgress(progress).syncAudience.execute(principal, { audienceId }));
}
