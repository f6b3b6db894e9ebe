import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/Principal.js';
import type { ProfileRepository } from '../ports/ProfileRepository.js';
import { defaultNormalisation, type NormalisationOptions } from '../profiles/normalise.js';
import type { Profile } from '../profiles/Profile.js';
import { toProfile } from '../profiles/ProfileInput.js';
import { ok, type Result } from '../shared/Result.js';

/** What a profile load did: every row is inserted, updated or rejected with its reasons. */
export interface UpsertProfilesResult {
  readonly read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly rejected: readonly { readonly index: number; readonly reasons: readonly string[] }[];
}

export const DEFAULT_UPSERT_BATCH_SIZE = 1_000;

/**
 * Loads profiles from raw rows (a file or an API body): each row is validated alone, so one bad
 * row is reported with its index and never stops the valid rows of its batch.
 */
export class UpsertProfiles {
  constructor(
    private readonly ports: {
      readonly profiles: ProfileRepository;
      readonly normalisation?: NormalisationOptions;
      readonly batchSize?: number;
    },
  ) {}

  async execute(
    principal: Principal,
    rows: Iterable<unknown> | AsyncIterable<unknown>,
  ): Promise<Result<UpsertProfilesResult>> {
    const allowed = authorize(principal, 'write');
    if (!allowed.ok) return allowed;

    const batchSize = this.ports.batchSize ?? DEFAULT_UPSERT_BATCH_SIZE;
    const totals = { read: 0, inserted: 0, updated: 0 };
    const rejected: { index: number; reasons: string[] }[] = [];
    let batch = new Map<string, Profile>();
    for await (const row of rows) {
      const profile = toProfile(row, this.ports.normalisation ?? defaultNormalisation);
      if (profile.ok) batch.set(profile.value.key, profile.value);
      else rejected.push({ index: totals.read, reasons: profile.error });
      totals.read += 1;
      if (batch.size >= batchSize) {
        await this.write(principal, batch, totals);
        batch = new Map();
      }
    }
    await this.write(principal, batch, totals);

    return ok({ ...totals, rejected });
  }

  /** Writes a batch; a key repeated within it keeps its last row. */
  private async write(
    principal: Principal,
    batch: Map<string, Profile>,
    totals: { inserted: number; updated: number },
  ): Promise<void> {
    if (batch.size === 0) return;

    const written = await this.ports.profiles.upsertMany(principal.orgId, [...batch.values()]);
    totals.inserted += written.inserted;
    totals.updated += written.updated;
  }
}
