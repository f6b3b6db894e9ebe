/** A data source as the AAM REST API shows it. */
export interface AamDataSource {
  readonly dataSourceId: number;
  readonly pid: number;
  readonly name: string;
  readonly description: string;
  readonly status: 'ACTIVE' | 'INACTIVE';
  readonly integrationCode: string;
  readonly idType: 'COOKIE' | 'CROSS_DEVICE';
  readonly type: 'GENERAL';
  readonly inboundS2S: boolean;
  readonly outboundS2S: boolean;
  readonly useAudienceManagerVisitorID: boolean;
  readonly allowDataSharing: boolean;
  readonly dataExportRestrictions: readonly string[];
  readonly masterDataSourceIdProvider: boolean;
  readonly uniqueTraitIntegrationCodes: boolean;
  readonly uniqueSegmentIntegrationCodes: boolean;
  readonly marketingCloudVisitorIdVersion: number;
  readonly customerProfileDataRetention: number;
  readonly createTime: number;
  readonly updateTime: number;
}

/** A segment as the AAM REST API shows it; `segmentRule` reads like `123T OR 456T`. */
export interface AamSegment {
  readonly sid: number;
  readonly name: string;
  readonly description: string;
  readonly segmentRule: string;
  readonly folderId: number;
  readonly integrationCode: string | null;
  readonly status: 'ACTIVE' | 'INACTIVE';
  readonly dataSourceId: number;
  readonly mergeRuleDataSourceId: number;
  readonly pid: number;
  readonly createTime: number;
  readonly updateTime: number;
}

/** A trait as the AAM REST API shows it. */
export interface AamTrait {
  readonly sid: number;
  readonly name: string;
  readonly description: string;
  readonly integrationCode: string | null;
  readonly dataSourceId: number;
  readonly pid: number;
  readonly folderId: number;
  readonly status: 'ACTIVE' | 'INACTIVE';
  readonly traitRule: string;
  readonly traitType: 'RULE_BASED_TRAIT' | 'ON_BOARDED_TRAIT' | 'ALGO_TRAIT';
  readonly ttl: number;
  readonly createTime: number;
  readonly updateTime: number;
}

/** A batch destination: it delivers the segments of one data source as outbound files. */
export interface AamDestination {
  readonly destinationId: number;
  readonly name: string;
  readonly dataSourceId: number;
  /** The partner alias written into outbound file names. */
  readonly pidAlias: string;
}
