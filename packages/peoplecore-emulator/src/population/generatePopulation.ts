import { SeededRandom } from '../random/SeededRandom.js';
import { malformedIds } from './malformedIds.js';
import { generatePerson, type Person } from './Person.js';
import type { Population, PopulationSegment, PopulationTrait } from './Population.js';
import { populationDataSource, type PopulationDataSource } from './PopulationDataSource.js';
import {
  campaignCount,
  outsidersOf,
  populationOptionsSchema,
  sourceKinds,
  type PopulationOptions,
  type PopulationSettings,
  type SegmentSpec,
} from './PopulationOptions.js';

/** Segment SIDs start here, in the order the segments are listed. */
export const FIRST_SEGMENT_SID = 20001;

function generatePeople(settings: PopulationSettings, campaign: number): Person[] {
  const random = SeededRandom.forLabel(settings.seed, 'people');
  const phoneOffset = random.nextInt(10_000_000);

  return Array.from({ length: settings.size }, (_, index) =>
    generatePerson(random, index, index < campaign, phoneOffset),
  );
}

function generateSegment(
  settings: PopulationSettings,
  spec: SegmentSpec,
  index: number,
  context: { people: readonly Person[]; campaign: number; sources: readonly PopulationDataSource[] },
): PopulationSegment {
  const random = SeededRandom.forLabel(settings.seed, `segment:${index}`);
  const outsiders = outsidersOf(spec, settings.size, context.campaign);
  const inside = random.sample(context.people.slice(0, context.campaign), spec.size - outsiders);
  const outside = random.sample(context.people.slice(context.campaign), outsiders);
  const source = context.sources.find((candidate) => candidate.kind === spec.source);
  if (source === undefined) throw new RangeError(`generatePopulation: no data source of kind ${spec.source}`);
  const sid = FIRST_SEGMENT_SID + index;

  return {
    sid,
    name: spec.name,
    integrationCode: `emulator-segment-${sid}`,
    source,
    members: [...inside, ...outside].sort((left, right) => left.index - right.index),
    malformedIds: malformedIds(random, spec.source, spec.malformed),
  };
}

function traitsOf(sources: readonly PopulationDataSource[]): PopulationTrait[] {
  const onboarded = sources.map((source): PopulationTrait => ({
    sid: source.traitSid,
    name: `${source.name}: onboarded`,
    integrationCode: `emulator-trait-${source.traitSid}`,
    dataSourceId: source.dataSourceId,
    traitType: 'ON_BOARDED_TRAIT',
    traitRule: '',
  }));
  const visitor = sources[0];
  const ruleBased: PopulationTrait[] =
    visitor === undefined
      ? []
      : [
          {
            sid: 10999,
            name: 'Visited the product page',
            integrationCode: 'emulator-trait-10999',
            dataSourceId: visitor.dataSourceId,
            traitType: 'RULE_BASED_TRAIT',
            traitRule: 'page=="product"',
          },
        ];

  return [...onboarded, ...ruleBased];
}

/**
 * Generates a synthetic population, deterministic for its options: the same seed gives the same
 * people, AES key, segments and malformed IDs, so that a demo or a test knows every expected count.
 */
export function generatePopulation(options: PopulationOptions = {}): Population {
  const settings = populationOptionsSchema.parse(options);
  const campaign = campaignCount(settings.size, settings.campaignShare);
  const people = generatePeople(settings, campaign);
  const keys = SeededRandom.forLabel(settings.seed, 'aes');
  const aes = { key: settings.aesKey ?? keys.hex(32), iv: settings.aesIv ?? keys.hex(16) };
  const sources = sourceKinds.map((kind) => populationDataSource(kind, aes));
  const segments = settings.segments.map((spec, index) =>
    generateSegment(settings, spec, index, { people, campaign, sources }),
  );

  return {
    seed: settings.seed,
    orgId: settings.orgId,
    people,
    campaignSize: campaign,
    dataSources: sources,
    traits: traitsOf(sources),
    segments,
  };
}
