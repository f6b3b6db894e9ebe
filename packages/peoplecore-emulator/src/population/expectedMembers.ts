import type { Person } from './Person.js';
import type { PopulationSegment } from './Population.js';
import { userIdFor } from './userIdFor.js';

/** What a consumer of a segment's delivery should find, split the way a run report counts it. */
export interface ExpectedMembers {
  /** Every user ID a delivery of the segment carries: the people's IDs, then the malformed ones. */
  readonly userIds: readonly string[];
  /** Members who are in the campaign's profile base: the ones a reconciliation can match. */
  readonly inCampaign: readonly Person[];
  /** Members the campaign does not know: unreconciled, but counted. */
  readonly outsiders: readonly Person[];
  /** User IDs that must be rejected as malformed. */
  readonly malformed: readonly string[];
}

/** The exact expected outcome of importing a generated segment as generated (before any change). */
export function expectedMembers(segment: PopulationSegment): ExpectedMembers {
  return {
    userIds: [...segment.members.map((person) => userIdFor(person, segment.source)), ...segment.malformedIds],
    inCampaign: segment.members.filter((person) => person.inCampaign),
    outsiders: segment.members.filter((person) => !person.inCampaign),
    malformed: segment.malformedIds,
  };
}
