import type { ProfileRepository } from '@audience-bridge/domain';

import { timed } from './measure.js';
import { BENCH_ORG, profileAt } from './synthetic.js';

const LOAD_BATCH = 5000;

/** Loads profiles `0..count` through the adapter's own upsert; returns the seconds it took (setup, not a result). */
export async function loadProfiles(profiles: ProfileRepository, count: number): Promise<number> {
  const { seconds } = await timed(async () => {
    for (let start = 0; start < count; start += LOAD_BATCH) {
      const batch = Array.from({ length: Math.min(LOAD_BATCH, count - start) }, (_, offset) =>
        profileAt(start + offset),
      );
      await profiles.upsertMany(BENCH_ORG, batch);
    }
  });

  return seconds;
}
