import type { OrgId } from '../auth/Principal.js';
import type { SharedDataSource, SharedDataSourceSummary } from '../datasources/SharedDataSource.js';

/** Shared data sources; keys and IVs are sealed at rest and never leave through `list`. */
export interface DataSourceRepository {
  add(org: OrgId, source: SharedDataSource): Promise<void>;

  /** The whole data source, with its key and IV, for the use cases that decrypt or encrypt. */
  get(org: OrgId, id: string): Promise<SharedDataSource | null>;

  list(org: OrgId): Promise<SharedDataSourceSummary[]>;
}
