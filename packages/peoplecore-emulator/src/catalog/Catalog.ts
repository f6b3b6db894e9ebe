import type { AamDataSource, AamDestination, AamSegment, AamTrait } from './AamObjects.js';
import { OrgCatalog } from './OrgCatalog.js';

/** Every organisation's catalog, with SIDs unique across them so that a SID alone finds its object. */
export class Catalog {
  private readonly orgs = new Map<string, OrgCatalog>();
  private lastSid = 30000;

  /** The catalog of an organisation, created empty on first use. */
  org(orgId: string): OrgCatalog {
    let catalog = this.orgs.get(orgId);
    if (catalog === undefined) {
      catalog = new OrgCatalog(orgId, 1000 + this.orgs.size);
      this.orgs.set(orgId, catalog);
    }

    return catalog;
  }

  allOrgs(): OrgCatalog[] {
    return [...this.orgs.values()];
  }

  /** A SID no object holds yet. */
  nextSid(): number {
    this.lastSid += 1;

    return this.lastSid;
  }

  /** Keeps generated SIDs above a SID loaded from elsewhere (a population). */
  reserveSid(sid: number): void {
    this.lastSid = Math.max(this.lastSid, sid);
  }

  /** The organisation and segment or trait holding a SID. */
  findItem(sid: number): { org: OrgCatalog; item: AamSegment | AamTrait } | null {
    for (const org of this.orgs.values()) {
      const item = org.item(sid);
      if (item !== undefined) return { org, item };
    }

    return null;
  }

  findDataSource(dataSourceId: number): { org: OrgCatalog; dataSource: AamDataSource } | null {
    for (const org of this.orgs.values()) {
      const dataSource = org.dataSources.get(dataSourceId);
      if (dataSource !== undefined) return { org, dataSource };
    }

    return null;
  }

  findDestination(destinationId: number): { org: OrgCatalog; destination: AamDestination } | null {
    for (const org of this.orgs.values()) {
      const destination = org.destinations.get(destinationId);
      if (destination !== undefined) return { org, destination };
    }

    return null;
  }

  /** Adds a trait to its organisation. */
  addTrait(orgId: string, trait: AamTrait): void {
    this.reserveSid(trait.sid);
    this.org(orgId).traits.set(trait.sid, trait);
  }

  /** Adds a segment to its organisation. */
  addSegment(orgId: string, segment: AamSegment): void {
    this.reserveSid(segment.sid);
    this.org(orgId).segments.set(segment.sid, segment);
  }
}
