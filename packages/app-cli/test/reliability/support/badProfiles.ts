import { badEcid, validEcid } from './badRecords.js';
import type { Rng } from './random.js';

/** The CSV header the generated files use. */
export const CSV_HEADER = 'key,email,mobilePhone,visitorId,attributes.city,optOut.all';

/** A valid profile as an NDJSON line. */
export const validNdjson = (index: number): string =>
  JSON.stringify({
    key: `good-${index}`,
    email: `Good.${index}@Example.com`,
    visitorId: validEcid(index),
    attributes: { city: 'Lyon' },
  });

/** A valid profile as a CSV row under `CSV_HEADER`. */
export const validCsv = (index: number): string =>
  `good-${index},good.${index}@example.com,+33612345678,${validEcid(index)},Lyon,no`;

/** NDJSON lines that must be refused: broken JSON, not an object, no key, bad identifiers, unknown or mistyped fields. */
export function badNdjson(rng: Rng, index: number): string {
  const key = `bad-${index}`;
  const kinds: (() => string)[] = [
    () => `{"key":"${key}",`,
    () => `{key: '${key}'}`,
    () => rng.pick(['42', '"text"', 'null', '[]', 'true']),
    () => JSON.stringify({ email: 'a@b.fr' }),
    () => JSON.stringify({ key: '   ' }),
    () => JSON.stringify({ key, email: rng.pick(['not-an-email', 'a@', '@b.fr', 'a b@c.fr']) }),
    () => JSON.stringify({ key, mobilePhone: rng.pick(['12', 'phone', '+1', '0000']) }),
    () => JSON.stringify({ key, visitorId: badEcid(rng) }),
    () => JSON.stringify({ key, password: 'x' }),
    () => JSON.stringify({ key, attributes: { city: { nested: true } } }),
    () => JSON.stringify({ key, optOut: { all: 'maybe' } }),
    () => JSON.stringify({ key: 'k'.repeat(300) }),
    () => JSON.stringify({ key, customKeys: { '1bad': 'x' } }),
  ];
  return rng.pick(kinds)();
}

/** CSV rows that must be refused: bad identifiers, blank key, a non-flag opt-out, or the wrong number of cells. */
export function badCsv(rng: Rng, index: number): string {
  const key = `bad-${index}`;
  const kinds: (() => string)[] = [
    () => `${key},not-an-email,,,Paris,no`,
    () => `${key},,12,,Paris,no`,
    () => `${key},,,${badEcid(rng).replace(/[,"\s]/g, 'x')},Paris,no`,
    () => ` ,a@b.fr,,,Paris,no`,
    () => `${key},,,,Paris,maybe`,
    () => `${key},a@b.fr,,,Paris`,
    () => `${key},a@b.fr,,,Paris,no,extra`,
    () => `${'k'.repeat(300)},,,,,no`,
  ];
  return rng.pick(kinds)();
}
