import {
  decryptAesCbcBatch,
  isVisitorId,
  normaliseEmail,
  normalisePhone,
  sha256Hex,
  type Encryption,
} from '@audience-bridge/domain';
import { describe, expect, it } from 'vitest';

import { campaignProfiles } from './campaignProfiles.js';
import { expectedMembers } from './expectedMembers.js';
import { generatePopulation } from './generatePopulation.js';

const segments = [
  { name: 'Visitors', source: 'visitor' as const, size: 40, outsiders: 6, malformed: 3 },
  { name: 'Encrypted', source: 'aesEmail' as const, size: 30, malformed: 2 },
  { name: 'Hashed', source: 'hashedEmail' as const, size: 25 },
  { name: 'CRM', source: 'crmId' as const, size: 10, outsiders: 0, malformed: 2 },
];

describe('generatePopulation', () => {
  it('should give the same population for the same seed', () => {
    const first = generatePopulation({ seed: 11, size: 200, segments });

    const second = generatePopulation({ seed: 11, size: 200, segments });

    expect(second).toEqual(first);
  });

  it('should give another population for another seed', () => {
    const first = generatePopulation({ seed: 11, size: 200, segments });

    const other = generatePopulation({ seed: 12, size: 200, segments });

    expect(other.people[0]?.ecid).not.toBe(first.people[0]?.ecid);
    expect(other.segments[0]?.members).not.toEqual(first.segments[0]?.members);
  });

  it('should give every person a valid, unique ECID, email and E.164 phone', () => {
    const population = generatePopulation({ seed: 5, size: 300 });

    const people = population.people;

    expect(people.every((person) => isVisitorId(person.ecid))).toBe(true);
    expect(people.every((person) => normaliseEmail(person.email) !== null)).toBe(true);
    expect(people.every((person) => normalisePhone(person.mobilePhone) === person.mobilePhone)).toBe(true);
    for (const field of ['ecid', 'email', 'mobilePhone', 'crmId'] as const) {
      expect(new Set(people.map((person) => person[field].toLowerCase())).size).toBe(people.length);
    }
  });

  it('should split each segment into campaign members, outsiders and malformed IDs exactly', () => {
    const population = generatePopulation({ seed: 3, size: 100, campaignShare: 0.7, segments });

    const [visitors, encrypted, , crm] = population.segments.map(expectedMembers);

    expect(population.campaignSize).toBe(70);
    expect(visitors?.inCampaign).toHaveLength(34);
    expect(visitors?.outsiders).toHaveLength(6);
    expect(visitors?.malformed).toHaveLength(3);
    expect(visitors?.userIds).toHaveLength(43);
    expect(encrypted?.outsiders).toHaveLength(3);
    expect(crm?.outsiders).toHaveLength(0);
    expect(visitors?.malformed.some((id) => isVisitorId(id))).toBe(false);
  });

  it('should declare IDs the way each data source expects them', () => {
    const population = generatePopulation({ seed: 9, size: 80, segments });
    const [, encrypted, hashed] = population.segments;
    const person = encrypted?.members[0];
    const hashedPerson = hashed?.members[0];

    const [cipher] = expectedMembers(encrypted!).userIds;
    const [digest] = expectedMembers(hashed!).userIds;
    const [plain] = decryptAesCbcBatch(
      [cipher!],
      encrypted!.source.shared.encryption as Extract<Encryption, { key: string }>,
    );

    expect(cipher).toMatch(/^[0-9a-f]+$/);
    expect(plain).toEqual({ ok: true, value: normaliseEmail(person!.email) });
    expect(digest).toBe(sha256Hex(normaliseEmail(hashedPerson!.email)!));
  });

  it('should load the campaign base as normalised profiles', () => {
    const population = generatePopulation({ seed: 2, size: 50, campaignShare: 0.5, segments: [] });

    const profiles = campaignProfiles(population);

    expect(profiles).toHaveLength(25);
    expect(profiles[0]?.email).toBe(normaliseEmail(population.people[0]!.email));
    expect(campaignProfiles(population, 10)).toHaveLength(10);
  });

  it('should refuse segments that cannot be drawn', () => {
    const tooBig = () =>
      generatePopulation({
        size: 10,
        campaignShare: 0.5,
        segments: [{ name: 'x', source: 'visitor', size: 9, outsiders: 1 }],
      });

    expect(tooBig).toThrow(/campaign base has 5 people/);
  });
});
