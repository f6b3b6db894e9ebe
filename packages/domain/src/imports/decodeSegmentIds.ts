import { decryptAesCbcBatch } from '../crypto/aesCbc.js';
import { isAes, type ReconciliationKey, type SharedDataSource } from '../datasources/SharedDataSource.js';
import { visitorIdProblem } from '../identifiers/VisitorId.js';
import type { StagedId } from '../ports/ReconciliationStore.js';
import { matchFieldOf } from '../profiles/matchKeys.js';
import { defaultNormalisation, type NormalisationOptions } from '../profiles/normalise.js';
import type { RunRecord } from '../runs/Run.js';
import { normaliseForChannel, normaliseForKey } from './normaliseDeclared.js';

/** The outcome of decoding one batch: each raw ID is either staged or rejected, never both. */
export interface DecodedSegmentIds {
  readonly staged: StagedId[];
  readonly rejected: RunRecord[];
}

/** Declared IDs of a segment, when decrypted for a file audience: addresses, with the ID each came from. */
export interface DecryptedAddresses {
  readonly addresses: { readonly raw: string; readonly address: string }[];
  readonly rejected: RunRecord[];
}

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

const rejectedRecord = (raw: string, reason: string): RunRecord => ({
  category: 'rejected',
  value: raw,
  reason,
});

type DeclaredKey = Exclude<ReconciliationKey, 'visitorId'>;

/**
 * Validates and decodes the raw IDs of a segment batch for matching, keeping `raw` exactly as
 * delivered. A 38-digit ECID is a visitor ID; anything else is a declared ID, decoded per the
 * source's encryption (AES IDs of the batch are decrypted in one call). Each raw ID's fate
 * depends on that ID alone, so batching never changes a reconciliation.
 */
export function decodeSegmentIds(
  raws: readonly string[],
  source: SharedDataSource,
  options: NormalisationOptions = defaultNormalisation,
): DecodedSegmentIds {
  const staged: StagedId[] = [];
  const rejected: RunRecord[] = [];
  const declared: { raw: string; id: string }[] = [];
  for (const raw of raws) {
    const id = raw.trim();
    const visitorProblem = id === '' ? 'empty' : visitorIdProblem(id);
    if (visitorProblem === null) staged.push({ raw, field: 'visitorId', value: id });
    else if (id === '' || source.reconciliationKey === 'visitorId')
      rejected.push(rejectedRecord(raw, visitorProblem));
    else declared.push({ raw, id });
  }

  const key = source.reconciliationKey;
  if (key === 'visitorId') return { staged, rejected };

  const decoded = decodeDeclared(declared, source, key, options);

  return { staged: [...staged, ...decoded.staged], rejected: [...rejected, ...decoded.rejected] };
}

function decodeDeclared(
  declared: readonly { raw: string; id: string }[],
  source: SharedDataSource,
  key: DeclaredKey,
  options: NormalisationOptions,
): DecodedSegmentIds {
  const { encryption } = source;
  const staged: StagedId[] = [];
  const rejected: RunRecord[] = [];
  if (encryption.algorithm === 'sha256') {
    for (const { raw, id } of declared) {
      if (SHA256_HEX.test(id)) staged.push({ raw, field: matchFieldOf(key, true), value: id.toLowerCase() });
      else rejected.push(rejectedRecord(raw, 'not a SHA-256 digest (64 hex characters)'));
    }

    return { staged, rejected };
  }

  const plaintexts = isAes(encryption)
    ? decryptAesCbcBatch(
        declared.map(({ id }) => id),
        encryption,
      )
    : declared.map(({ id }) => ({ ok: true as const, value: id }));
  declared.forEach(({ raw }, index) => {
    const plain = plaintexts[index] ?? { ok: false, reason: 'not decrypted' };
    const value = plain.ok ? normaliseForKey(plain.value, key, options) : plain;
    if (value.ok) staged.push({ raw, field: key, value: value.value });
    else rejected.push(rejectedRecord(raw, value.reason));
  });

  return { staged, rejected };
}

/**
 * Decrypts a segment batch into addresses for a decrypt-to-file audience: every decryptable ID
 * gives one address (normalised for the channel), the rest are rejected with a reason. Addresses
 * are returned one per raw ID, in input order; de-duplication is the member set's job.
 */
export function decryptToAddresses(
  raws: readonly string[],
  source: SharedDataSource,
  options: NormalisationOptions = defaultNormalisation,
): DecryptedAddresses {
  const { encryption } = source;
  const rejected: RunRecord[] = [];
  const candidates: { raw: string; id: string }[] = [];
  for (const raw of raws) {
    const id = raw.trim();
    if (id === '') rejected.push(rejectedRecord(raw, 'empty'));
    else if (visitorIdProblem(id) === null)
      rejected.push(rejectedRecord(raw, 'a visitor ID is not an address'));
    else if (!isAes(encryption))
      rejected.push(rejectedRecord(raw, 'the data source does not encrypt its IDs'));
    else candidates.push({ raw, id });
  }
  if (!isAes(encryption)) return { addresses: [], rejected };

  const plaintexts = decryptAesCbcBatch(
    candidates.map(({ id }) => id),
    encryption,
  );
  const addresses: { raw: string; address: string }[] = [];
  candidates.forEach(({ raw }, index) => {
    const plain = plaintexts[index] ?? { ok: false, reason: 'not decrypted' };
    const address = plain.ok ? normaliseForChannel(plain.value, source.channel, options) : plain;
    if (address.ok) addresses.push({ raw, address: address.value });
    else rejected.push(rejectedRecord(raw, address.reason));
  });

  return { addresses, rejected };
}
