import type { Channel, ReconciliationKey } from '../datasources/SharedDataSource.js';
import {
  defaultNormalisation,
  normaliseCustomKey,
  normaliseEmail,
  normalisePhone,
  type NormalisationOptions,
} from '../profiles/normalise.js';

/** A normalised value, or the stable reason it could not be normalised. */
export type Normalised =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

const fromNullable = (value: string | null, reason: string): Normalised =>
  value === null ? { ok: false, reason } : { ok: true, value };

/** Normalises a declared ID for the profile field it is matched against, as profiles were normalised. */
export function normaliseForKey(
  value: string,
  key: Exclude<ReconciliationKey, 'visitorId'>,
  options: NormalisationOptions = defaultNormalisation,
): Normalised {
  if (key === 'email') return fromNullable(normaliseEmail(value), 'not an email address');
  if (key === 'mobilePhone') return fromNullable(normalisePhone(value, options), 'not a valid phone number');

  return fromNullable(normaliseCustomKey(value), 'empty');
}

/** Normalises a decrypted value as the address a channel delivers to (email or SMS). */
export function normaliseForChannel(
  value: string,
  channel: Channel,
  options: NormalisationOptions = defaultNormalisation,
): Normalised {
  if (channel === 'email') return normaliseForKey(value, 'email', options);
  if (channel === 'sms') return normaliseForKey(value, 'mobilePhone', options);

  return normaliseForKey(value, 'custom:other', options);
}
