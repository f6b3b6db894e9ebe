import type { Person } from './Person.js';
import type { PopulationDataSource } from './PopulationDataSource.js';

/** A generated segment: its people (chosen deterministically) and its deliberately malformed IDs. */
export interface PopulationSegment {
  readonly sid: number;
  readonly name: string;
  readonly integrationCode: string;
  readonly source: PopulationDataSource;
  readonly members: readonly Person[];
  readonly malformedIds: readonly string[];
}

/** An onboarded or rule-based trait of the population's catalog. */
export interface PopulationTrait {
  readonly sid: number;
  readonly name: string;
  readonly integrationCode: string;
  readonly dataSourceId: number;
  readonly traitType: 'ON_BOARDED_TRAIT' | 'RULE_BASED_TRAIT';
  readonly traitRule: string;
}

/** Everything one seed generates: people, data sources, traits and segments, for one organisation. */
export interface Population {
  readonly seed: number;
  readonly orgId: string;
  readonly people: readonly Person[];
  /** The people of the campaign's profile base: the first `campaignSize` people. */
  readonly campaignSize: number;
  readonly dataSources: readonly PopulationDataSource[];
  readonly traits: readonly PopulationTrait[];
  readonly segments: readonly PopulationSegment[];
}
