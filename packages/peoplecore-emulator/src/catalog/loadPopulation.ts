import { Membership } from '../membership/Membership.js';
import { expectedMembers } from '../population/expectedMembers.js';
import type { Population, PopulationTrait } from '../population/Population.js';
import type { PopulationDataSource } from '../population/PopulationDataSource.js';
import type { AamDataSource, AamSegment, AamTrait } from './AamObjects.js';
import type { Catalog } from './Catalog.js';

const RETENTION_DAYS = 120;

function dataSourceObject(source: PopulationDataSource, pid: number, time: number): AamDataSource {
  return {
    dataSourceId: source.dataSourceId,
    pid,
    name: source.name,
    description: `Synthetic ${source.kind} data source (seeded)`,
    status: 'ACTIVE',
    integrationCode: source.integrationCode,
    idType: source.idType,
    type: 'GENERAL',
    inboundS2S: true,
    outboundS2S: true,
    useAudienceManagerVisitorID: source.kind === 'visitor',
    allowDataSharing: false,
    dataExportRestrictions: [],
    masterDataSourceIdProvider: false,
    uniqueTraitIntegrationCodes: true,
    uniqueSegmentIntegrationCodes: true,
    marketingCloudVisitorIdVersion: 0,
    customerProfileDataRetention: RETENTION_DAYS,
    createTime: time,
    updateTime: time,
  };
}

function traitObject(trait: PopulationTrait, pid: number, time: number): AamTrait {
  return {
    sid: trait.sid,
    name: trait.name,
    description: '',
    integrationCode: trait.integrationCode,
    dataSourceId: trait.dataSourceId,
    pid,
    folderId: 0,
    status: 'ACTIVE',
    traitRule: trait.traitRule,
    traitType: trait.traitType,
    ttl: RETENTION_DAYS,
    createTime: time,
    updateTime: time,
  };
}

/**
 * Puts a population into the catalog of its organisation (data sources, one destination each,
 * traits, segments) and its segments' user IDs into the membership; `time` stamps the objects.
 */
export function loadPopulation(
  population: Population,
  catalog: Catalog,
  membership: Membership,
  time: number,
): void {
  const org = catalog.org(population.orgId);
  for (const source of population.dataSources) {
    org.dataSources.set(source.dataSourceId, dataSourceObject(source, org.pid, time));
    org.destinations.set(source.destinationId, {
      destinationId: source.destinationId,
      name: `Campaign: ${source.name}`,
      dataSourceId: source.dataSourceId,
      pidAlias: 'AudienceBridge',
    });
  }
  for (const trait of population.traits) catalog.addTrait(org.orgId, traitObject(trait, org.pid, time));
  for (const segment of population.segments) {
    const object: AamSegment = {
      sid: segment.sid,
      name: segment.name,
      description: `${segment.members.length} synthetic people`,
      segmentRule: `${segment.source.traitSid}T`,
      folderId: 0,
      integrationCode: segment.integrationCode,
      status: 'ACTIVE',
      dataSourceId: segment.source.dataSourceId,
      mergeRuleDataSourceId: segment.source.dataSourceId,
      pid: org.pid,
      createTime: time,
      updateTime: time,
    };
    catalog.addSegment(org.orgId, object);
    membership.set(segment.sid, expectedMembers(segment).userIds);
  }
}
