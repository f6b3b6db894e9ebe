import { z } from 'zod';

import { visitorIdProblem } from '../identifiers/VisitorId.js';
import { err, ok, type Result } from '../shared/Result.js';
import {
  defaultNormalisation,
  normaliseCustomKey,
  normaliseEmail,
  normalisePhone,
  type NormalisationOptions,
} from './normalise.js';
import type { AttributeValue, Profile } from './Profile.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const nameSchema = z
  .string()
  .regex(NAME, 'a name is a letter or _ then up to 63 letters, digits or _')
  .refine((name) => name !== '__proto__', 'a name cannot be __proto__');

const optionalText = z.string().max(1024).nullable().optional();

/** A profile as an edge receives it (API body, NDJSON line, CSV row): identifiers not yet normalised. */
export const profileInputSchema = z.strictObject({
  key: z.string().trim().min(1, 'a profile needs a key').max(255),
  email: optionalText,
  mobilePhone: optionalText,
  visitorId: optionalText,
  customKeys: z.record(nameSchema, z.string().max(1024)).nullable().optional(),
  attributes: z
    .record(nameSchema, z.union([z.string().max(4096), z.number(), z.boolean(), z.null()]))
    .nullable()
    .optional(),
  optOut: z
    .strictObject({ all: z.boolean().optional(), email: z.boolean().optional(), sms: z.boolean().optional() })
    .nullable()
    .optional(),
});

export type ProfileInput = z.infer<typeof profileInputSchema>;

const blankToNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value;

type Identifiers = Pick<Profile, 'email' | 'mobilePhone' | 'visitorId' | 'customKeys'>;

function normaliseIdentifiers(
  input: ProfileInput,
  options: NormalisationOptions,
  problems: string[],
): Identifiers {
  const email = blankToNull(input.email);
  const phone = blankToNull(input.mobilePhone);
  const visitorId = blankToNull(input.visitorId)?.trim() ?? null;
  const identifiers: Identifiers = {
    email: email === null ? null : normaliseEmail(email),
    mobilePhone: phone === null ? null : normalisePhone(phone, options),
    visitorId,
    customKeys: normaliseCustomKeys(input.customKeys ?? {}),
  };
  if (email !== null && identifiers.email === null) problems.push('email: not an email address');
  if (phone !== null && identifiers.mobilePhone === null) {
    problems.push(`mobilePhone: not a valid phone number (E.164, or national in ${options.defaultRegion})`);
  }
  const visitorProblem = visitorId === null ? null : visitorIdProblem(visitorId);
  if (visitorProblem !== null) problems.push(`visitorId: ${visitorProblem}`);

  return identifiers;
}

/** Custom keys are trimmed; a blank one is absent, as an empty CSV cell is. */
function normaliseCustomKeys(raw: Readonly<Record<string, string>>): Record<string, string> {
  const keys = Object.entries(raw).map(([name, value]) => [name, normaliseCustomKey(value)] as const);

  return Object.fromEntries(keys.filter((entry): entry is readonly [string, string] => entry[1] !== null));
}

/** The identifier fields of an input that failed its shape check, so their problems are listed too. */
function looseIdentifiers(input: unknown): ProfileInput {
  const record: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
  const text = (name: string): string | null => {
    const value = record[name];

    return typeof value === 'string' ? value : null;
  };

  return { key: '', email: text('email'), mobilePhone: text('mobilePhone'), visitorId: text('visitorId') };
}

const issuesOf = (error: z.ZodError): string[] =>
  error.issues.map((issue) =>
    issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`,
  );

/**
 * Turns what an edge received into a normalised profile, or lists every problem at once (shape,
 * email, phone, visitor ID) so that a load can report each bad row fully. Never throws. Blank
 * identifiers (an empty CSV cell) count as absent.
 */
export function toProfile(
  input: unknown,
  options: NormalisationOptions = defaultNormalisation,
): Result<Profile, string[]> {
  const parsed = profileInputSchema.safeParse(input);
  const problems: string[] = [];
  if (!parsed.success) {
    normaliseIdentifiers(looseIdentifiers(input), options, problems);

    return err([...issuesOf(parsed.error), ...problems]);
  }

  const identifiers = normaliseIdentifiers(parsed.data, options, problems);
  if (problems.length > 0) return err(problems);

  const attributes: Record<string, AttributeValue> = { ...(parsed.data.attributes ?? {}) };
  const optOut = parsed.data.optOut ?? {};

  return ok({
    key: parsed.data.key,
    ...identifiers,
    attributes,
    optOut: { all: optOut.all ?? false, email: optOut.email ?? false, sms: optOut.sms ?? false },
  });
}
