import type { SeededRandom } from '../random/SeededRandom.js';
import { generateEcid } from './ecid.js';

/** One synthetic person, with every identifier the People core side and the campaign side know. */
export interface Person {
  /** Position in the population; the campaign base is the people with the lowest indexes. */
  readonly index: number;
  readonly firstName: string;
  readonly lastName: string;
  /** As a form would capture it: sometimes with capitals, always valid once trimmed and lower-cased. */
  readonly email: string;
  /** E.164, a French mobile number. */
  readonly mobilePhone: string;
  /** The Experience Cloud ID: 38 digits, each 19-digit half a signed 64-bit integer. */
  readonly ecid: string;
  readonly crmId: string;
  /** True when the campaign's profile base holds this person. */
  readonly inCampaign: boolean;
}

const firstNames = [
  'Alice',
  'Bruno',
  'Chloe',
  'David',
  'Emma',
  'Farid',
  'Giulia',
  'Hugo',
  'Ines',
  'Jonas',
  'Kenza',
  'Liam',
];
const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Rossi',
  'Novak',
  'Garcia',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
];
const domains = ['example.com', 'example.org', 'example.net'];

// An odd multiplier modulo 10^7 visits every 7-digit suffix once, so phone numbers never repeat.
const PHONE_STRIDE = 3_145_739;
const MOBILE_PREFIXES = ['60', '61', '62', '64', '65', '66', '67', '68'];

function phoneFor(index: number, offset: number): string {
  const prefix = MOBILE_PREFIXES[index % MOBILE_PREFIXES.length] ?? '60';
  const suffix = (offset + Math.floor(index / MOBILE_PREFIXES.length) * PHONE_STRIDE) % 10_000_000;

  return `+33${prefix}${String(suffix).padStart(7, '0')}`;
}

function emailFor(random: SeededRandom, first: string, last: string, index: number): string {
  const local = `${first}.${last}.${index}`;
  const domain = random.pick(domains);

  return random.chance(0.3) ? `${local}@${domain.toUpperCase()}` : `${local}@${domain}`.toLowerCase();
}

/** Draws one person; `phoneOffset` is fixed per population so that phones stay unique. */
export function generatePerson(
  random: SeededRandom,
  index: number,
  inCampaign: boolean,
  phoneOffset: number,
): Person {
  const firstName = random.pick(firstNames);
  const lastName = random.pick(lastNames);

  return {
    index,
    firstName,
    lastName,
    email: emailFor(random, firstName, lastName, index),
    mobilePhone: phoneFor(index, phoneOffset),
    ecid: generateEcid(random),
    crmId: `CRM${String(index + 1).padStart(8, '0')}`,
    inCampaign,
  };
}
