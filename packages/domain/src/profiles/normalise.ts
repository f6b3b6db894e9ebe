import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * The version of the normalisation rules. Stored beside every hashed key, so that a change of
 * rules can be detected instead of silently breaking matches.
 */
export const NORMALISATION_VERSION = 1;

/** Options that shape normalisation; the default region reads national phone numbers. */
export interface NormalisationOptions {
  readonly defaultRegion: CountryCode;
}

export const defaultNormalisation: NormalisationOptions = { defaultRegion: 'US' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trims and lower-cases an address; `null` when what remains is not an email address. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();

  return EMAIL.test(email) ? email : null;
}

/** A phone number in E.164 (with `+`); national numbers are read in the default region. */
export function normalisePhone(
  raw: string,
  options: NormalisationOptions = defaultNormalisation,
): string | null {
  const trimmed = raw.trim();
  if (trimmed === '' || /[a-z]/i.test(trimmed)) return null;

  const parsed = parsePhoneNumberFromString(trimmed, options.defaultRegion);

  return parsed?.isValid() === true ? parsed.number : null;
}

/** A custom declared key is kept as given, only trimmed: IDs are case-sensitive. */
export function normaliseCustomKey(raw: string): string | null {
  const value = raw.trim();

  return value === '' ? null : value;
}
