import type { Filter } from '../targeting/Filter.js';

/** Campaign-side audience kinds: fixed profiles, a query, raw addresses, or imported from People core. */
export type AudienceType = 'list' | 'query' | 'file' | 'shared';

/** How an imported audience is produced, fixed when the import is created (design §1). */
export type ImportPath = 'reconcile' | 'decrypt-to-file';

/** Where a shared (imported) audience, or a file audience produced by decrypt-to-file, comes from. */
export interface ImportSource {
  readonly sharedAudienceId: string;
  readonly dataSourceId: string;
  readonly forceReconciliation: boolean;
  readonly path: ImportPath;
}

/**
 * A campaign audience. Members are profile keys, except for a file audience whose members are
 * normalised addresses. Members are versioned: `version` names the member set readers see.
 */
export interface Audience {
  readonly id: string;
  readonly label: string;
  readonly type: AudienceType;
  readonly source: ImportSource | null;
  /** For a query audience, the filter that defines it. */
  readonly filter: Filter | null;
  readonly version: number;
  readonly memberCount: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly lastSyncedAt: Date | null;
}

export type AudienceDraft = Pick<
  Audience,
  'id' | 'label' | 'type' | 'source' | 'filter' | 'createdBy' | 'createdAt'
>;
