import {
  noOptOut,
  sha256Hex,
  type Principal,
  type Profile,
  type SharedDataSource,
} from '@audience-bridge/domain';

/** The organisation every bench object belongs to. */
export const BENCH_ORG = 'BENCH0000000000000000000@AdobeOrg';

/** An IMS principal allowed to import and export. */
export const benchPrincipal: Principal = { orgId: BENCH_ORG, subject: 'bench', authMethod: 'ims' };

/** Matches visitor IDs to `visitorId` and SHA-256 declared emails to the hashed email key. */
export const hashedEmailSource: SharedDataSource = {
  id: 'ds-bench-hashed-email',
  label: 'Bench hashed emails',
  dataSourceId: 900_001,
  destinationId: null,
  reconciliationKey: 'email',
  channel: 'email',
  encryption: { algorithm: 'sha256' },
};

const pad18 = (value: number): string => String(value).padStart(18, '0');

/** A valid ECID unique to `index` (both halves start with a small digit, so they fit a signed int64). */
export const ecidAt = (index: number): string => `1${pad18(index)}3${pad18((index * 104_729) % 1e15)}`;

/** A normalised email unique to `index`. */
export const emailAt = (index: number): string => `person.${index}@example.com`;

/** Profile `index` of the campaign base: a key, an email and a visitor ID (three match keys). */
export function profileAt(index: number): Profile {
  return {
    key: `P${String(index).padStart(9, '0')}`,
    email: emailAt(index),
    mobilePhone: null,
    visitorId: ecidAt(index),
    customKeys: {},
    attributes: {},
    optOut: noOptOut,
  };
}

const gcd = (left: number, right: number): number => (right === 0 ? left : gcd(right, left % right));

/** A multiplicative step that visits every position of `0..total-1` once, so IDs arrive unsorted. */
function strideFor(total: number): number {
  let stride = 7919;
  while (gcd(stride, total) !== 1) stride += 2;

  return stride;
}

/** Share of segment IDs whose person has a profile; the rest count as unreconciled. */
export const MATCHED_SHARE = 0.9;

/**
 * The person behind segment position `position` of `total`: 90 % are profiles `0..0.9·total`, the
 * rest are people beyond the profile base, and positions are shuffled by a fixed stride.
 */
export function personAt(position: number, total: number): number {
  const shuffled = (position * strideFor(total)) % total;
  const matched = Math.floor(total * MATCHED_SHARE);

  return shuffled < matched ? shuffled : total + (shuffled - matched);
}

/** The raw segment ID of a person: the ECID for even people, the SHA-256 of the email for odd ones. */
export const segmentIdOf = (person: number): string =>
  person % 2 === 0 ? ecidAt(person) : sha256Hex(emailAt(person));

/** Segment IDs at positions `start..start+count` of a segment of `total` IDs. */
export function segmentIds(start: number, count: number, total: number): string[] {
  return Array.from({ length: Math.max(0, Math.min(count, total - start)) }, (_, offset) =>
    segmentIdOf(personAt(start + offset, total)),
  );
}
