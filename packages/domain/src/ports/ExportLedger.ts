import type { OrgId } from '../auth/Principal.js';

/**
 * What has been sent to each shared audience. IDs are staged under an upload before it is
 * delivered and accepted after, so a crash between the two can be resolved without re-sending.
 */
export interface ExportLedger {
  /** Of the given IDs, those neither accepted nor staged for the shared audience (set-based per call). */
  filterNew(org: OrgId, sharedAudienceId: string, ids: readonly string[]): Promise<string[]>;

  stage(org: OrgId, sharedAudienceId: string, uploadId: string, ids: readonly string[]): Promise<void>;

  accept(org: OrgId, uploadId: string): Promise<void>;

  /** Drops the IDs of an upload that never reached the service. */
  discard(org: OrgId, uploadId: string): Promise<void>;

  /** Uploads staged but not yet accepted or discarded. */
  pending(org: OrgId, sharedAudienceId: string): Promise<string[]>;

  /** IDs accepted for the shared audience. */
  acceptedCount(org: OrgId, sharedAudienceId: string): Promise<number>;
}
