import { writeFileSync } from 'node:fs';

import { InMemoryProfileRepository, UpsertProfiles } from '@audience-bridge/domain';

import { ProfileFileReader, type ProfileFormat } from '../../../src/profiles/ProfileFileReader.js';
import { badCsv, badNdjson, CSV_HEADER, validCsv, validNdjson } from './badProfiles.js';
import type { Rng } from './random.js';

/** What loading one generated file gave, next to what was written into it. */
export interface ProfileLoad {
  readonly written: { readonly good: number; readonly bad: number };
  readonly inserted: number;
  readonly rejected: number;
  readonly reasonless: number;
  readonly storedGood: number;
}

/** Writes a file of `bad` bad rows with a valid one after every `goodEvery` of them. */
function writeFile(
  path: string,
  format: ProfileFormat,
  bad: number,
  goodEvery: number,
  rng: Rng,
): { good: number; bad: number } {
  const lines = format === 'csv' ? [CSV_HEADER] : [];
  let good = 0;
  for (let index = 0; index < bad; index += 1) {
    lines.push(format === 'csv' ? badCsv(rng, index) : badNdjson(rng, index));
    if (index % goodEvery === 0) {
      lines.push(format === 'csv' ? validCsv(good) : validNdjson(good));
      good += 1;
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { good, bad };
}

/** Generates a profile file and loads it the way `profiles import` does: the CLI's reader, then the use case. */
export async function loadGeneratedFile(
  path: string,
  format: ProfileFormat,
  bad: number,
  rng: Rng,
): Promise<ProfileLoad> {
  const written = writeFile(path, format, bad, 9, rng);
  const repository = new InMemoryProfileRepository();
  const upsert = new UpsertProfiles({ profiles: repository });
  const reader = new ProfileFileReader(path, format);
  const principal = { orgId: 'org-bad-input', subject: 'reliability', authMethod: 'ims' as const };

  const result = await upsert.execute(principal, reader.rows());
  if (!result.ok) throw result.error;
  const rejected = [...result.value.rejected, ...reader.problems];
  const keys = Array.from({ length: written.good }, (_, index) => `good-${index}`);

  return {
    written,
    inserted: result.value.inserted + result.value.updated,
    rejected: rejected.length,
    reasonless: rejected.filter(
      (row) => row.reasons.length === 0 || row.reasons.some((reason) => reason.trim() === ''),
    ).length,
    storedGood: (await repository.findByKeys(principal.orgId, keys)).length,
  };
}
