import type { Audience } from '../audiences/Audience.js';
import type { OrgId } from '../auth/Principal.js';
import type { SharedDataSource } from '../datasources/SharedDataSource.js';
import { decryptToAddresses } from '../imports/decodeSegmentIds.js';
import type { AudienceRepository } from '../ports/AudienceRepository.js';
import type { SegmentSnapshot } from '../ports/PeopleCore.js';
import type { Progress } from '../ports/Runtime.js';
import type { NormalisationOptions } from '../profiles/normalise.js';
import type { RunCounts } from '../runs/Run.js';
import type { RunRecorder } from './RunRecorder.js';

/** Everything one decrypt-to-file import needs. */
export interface FileImport {
  readonly org: OrgId;
  readonly audience: Audience;
  readonly dataSource: SharedDataSource;
  readonly snapshot: SegmentSnapshot;
  readonly batchSize: number;
  readonly normalisation: NormalisationOptions;
  readonly audiences: AudienceRepository;
  readonly recorder: RunRecorder;
  readonly progress: Progress;
}

/**
 * Decrypts a snapshot into a new member version of a file audience. Counts: `input` = distinct
 * raw IDs = `imported` (raw IDs that gave an address) + `rejected`; `members` = distinct
 * addresses, fewer than `imported` when two IDs decrypt to one address. Addresses are
 * de-duplicated by the member version itself; the distinct raw IDs are counted with a set held
 * in memory, which bounds this reference path to segments whose raw IDs fit in memory.
 */
export async function importToFile(job: FileImport): Promise<Partial<RunCounts>> {
  const replacement = await job.audiences.beginReplace(job.org, job.audience.id);
  try {
    const seen = new Set<string>();
    let imported = 0;
    let rejected = 0;
    job.progress.start(`import ${job.audience.label}`, null);
    for await (const batch of job.snapshot.batches(job.batchSize)) {
      const fresh = batch.filter((raw) => !seen.has(raw) && seen.add(raw) === seen);
      const decrypted = decryptToAddresses(fresh, job.dataSource, job.normalisation);
      await replacement.add(decrypted.addresses.map(({ address }) => address));
      await job.recorder.add(decrypted.rejected);
      imported += decrypted.addresses.length;
      rejected += decrypted.rejected.length;
      job.progress.advance(batch.length);
    }
    job.progress.finish();
    const { count } = await replacement.commit();

    return { input: seen.size, imported, rejected, members: count };
  } catch (cause) {
    await replacement.abort();
    throw cause;
  }
}
