import type { AamDataSource, AamDestination, AamSegment, AamTrait } from './AamObjects.js';

/** The AAM objects of one IMS organisation: nothing here is visible to another organisation. */
export class OrgCatalog {
  readonly dataSources = new Map<number, AamDataSource>();
  readonly segments = new Map<number, AamSegment>();
  readonly traits = new Map<number, AamTrait>();
  readonly destinations = new Map<number, AamDestination>();

  constructor(
    readonly orgId: string,
    /** The partner id (PID) stamped on the organisation's objects. */
    readonly pid: number,
  ) {}

  /** The segment or trait with this SID, whichever it is. */
  item(sid: number): AamSegment | AamTrait | undefined {
    return this.segments.get(sid) ?? this.traits.get(sid);
  }

  /** The segments a destination delivers: every segment of its data source. */
  segmentsOf(destination: AamDestination): AamSegment[] {
    return [...this.segments.values()].filter((segment) => segment.dataSourceId === destination.dataSourceId);
  }
}
