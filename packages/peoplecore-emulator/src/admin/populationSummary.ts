import { expectedMembers } from '../population/expectedMembers.js';
import type { Population } from '../population/Population.js';

/**
 * What a demo needs to know of the population without generating it again: the data sources as
 * the campaign side must configure them (keys included: this is a local emulator) and each
 * segment's expected counts.
 */
export function populationSummary(population: Population) {
  return {
    seed: population.seed,
    orgId: population.orgId,
    people: population.people.length,
    campaignSize: population.campaignSize,
    dataSources: population.dataSources.map((source) => ({
      ...source.shared,
      destinationId: source.destinationId,
    })),
    segments: population.segments.map((segment) => {
      const expected = expectedMembers(segment);

      return {
        sid: segment.sid,
        name: segment.name,
        dataSourceId: segment.source.dataSourceId,
        members: segment.members.length,
        inCampaign: expected.inCampaign.length,
        outsiders: expected.outsiders.length,
        malformed: expected.malformed.length,
      };
    }),
  };
}
