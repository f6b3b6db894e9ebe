import { noOptOut, normaliseEmail, type Profile } from '@audience-bridge/domain';

import type { Person } from './Person.js';
import type { Population } from './Population.js';

/** The campaign's view of one person: identifiers normalised, keyed by CRM id. */
export function profileOf(person: Person): Profile {
  return {
    key: person.crmId,
    email: normaliseEmail(person.email),
    mobilePhone: person.mobilePhone,
    visitorId: person.ecid,
    customKeys: { crmId: person.crmId },
    attributes: { firstName: person.firstName, lastName: person.lastName },
    optOut: noOptOut,
  };
}

/**
 * The campaign's profile base for a population: its first `campaignSize` people, or the first
 * `count` when given (to load a different overlap than the one the segments were drawn with).
 */
export function campaignProfiles(population: Population, count: number = population.campaignSize): Profile[] {
  return population.people.slice(0, count).map(profileOf);
}
