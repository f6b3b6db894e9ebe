import {
  NaiveMemberEntity,
  NaiveProfileEntity,
  NaiveProfileKeyEntity,
  sqlEntityManager,
  type BaselineOrm,
} from './baselineOrm.js';

/** Where a baseline writes its members: an audience and one generation of it. */
export interface MemberTarget {
  readonly org: string;
  readonly audienceId: string;
  readonly generation: number;
}

const ECID = /^\d{38}$/;

/** Splits raw IDs the way the bench segment mixes them: ECIDs, and SHA-256 hex of emails. */
export function classifyRawIds(raws: readonly string[]): { visitors: string[]; hashedEmails: string[] } {
  const visitors: string[] = [];
  const hashedEmails: string[] = [];
  for (const raw of raws) {
    if (ECID.test(raw)) visitors.push(raw);
    else hashedEmails.push(raw.toLowerCase());
  }

  return { visitors, hashedEmails };
}

/**
 * Baseline (a), what a naive adapter does: per batch of IDs, ORM `find` with `$in` on the profile
 * keys, then on the profiles, then each new member through the unit of work (`persist` + `flush`).
 */
export async function reconcileNaively(
  orm: BaselineOrm,
  target: MemberTarget,
  raws: readonly string[],
  batchSize: number,
): Promise<number> {
  const seen = new Set<string>();
  for (let start = 0; start < raws.length; start += batchSize) {
    await naiveBatch(orm, target, raws.slice(start, start + batchSize), seen);
  }

  return seen.size;
}

async function naiveBatch(
  orm: BaselineOrm,
  target: MemberTarget,
  raws: readonly string[],
  seen: Set<string>,
): Promise<void> {
  const em = sqlEntityManager(orm).fork();
  const { visitors, hashedEmails } = classifyRawIds(raws);
  const keys = [
    ...(await em.find(NaiveProfileKeyEntity, {
      org: target.org,
      field: 'visitorId',
      value: { $in: visitors },
    })),
    ...(await em.find(NaiveProfileKeyEntity, {
      org: target.org,
      field: 'email#sha256',
      value: { $in: hashedEmails },
    })),
  ];
  const profiles = await em.find(NaiveProfileEntity, {
    id: { $in: [...new Set(keys.map((key) => key.profileId))] },
  });
  for (const profile of profiles) {
    if (seen.has(profile.key)) continue;
    seen.add(profile.key);
    em.persist(
      em.create(NaiveMemberEntity, {
        org: target.org,
        audienceId: target.audienceId,
        generation: target.generation,
        member: profile.key,
      }),
    );
  }
  await em.flush();
}
