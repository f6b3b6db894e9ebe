import type { OrgId } from '../auth/Principal.js';
import type { ExportLedger } from '../ports/ExportLedger.js';
import { OrgScoped } from './OrgScoped.js';

interface Upload {
  readonly sharedAudienceId: string;
  readonly ids: Set<string>;
}

/** The reference ledger: accepted IDs per shared audience, and staged IDs per pending upload. */
export class InMemoryExportLedger implements ExportLedger {
  private readonly accepted = new OrgScoped<Set<string>>();
  private readonly uploads = new OrgScoped<Upload>();

  filterNew(org: OrgId, sharedAudienceId: string, ids: readonly string[]): Promise<string[]> {
    const accepted = this.accepted.get(org, sharedAudienceId);
    const staged = this.pendingUploads(org, sharedAudienceId);
    const known = (id: string): boolean =>
      accepted?.has(id) === true || staged.some((upload) => upload.ids.has(id));

    return Promise.resolve([...new Set(ids)].filter((id) => !known(id)));
  }

  stage(org: OrgId, sharedAudienceId: string, uploadId: string, ids: readonly string[]): Promise<void> {
    const uploads = this.uploads.of(org);
    const upload = uploads.get(uploadId) ?? { sharedAudienceId, ids: new Set<string>() };
    for (const id of ids) upload.ids.add(id);
    uploads.set(uploadId, upload);

    return Promise.resolve();
  }

  accept(org: OrgId, uploadId: string): Promise<void> {
    const upload = this.uploads.get(org, uploadId);
    if (upload === undefined) return Promise.resolve();

    const accepted = this.accepted.of(org);
    const ids = accepted.get(upload.sharedAudienceId) ?? new Set<string>();
    for (const id of upload.ids) ids.add(id);
    accepted.set(upload.sharedAudienceId, ids);
    this.uploads.of(org).delete(uploadId);

    return Promise.resolve();
  }

  discard(org: OrgId, uploadId: string): Promise<void> {
    this.uploads.of(org).delete(uploadId);

    return Promise.resolve();
  }

  pending(org: OrgId, sharedAudienceId: string): Promise<string[]> {
    const ids = [...this.uploads.of(org).entries()]
      .filter(([, upload]) => upload.sharedAudienceId === sharedAudienceId)
      .map(([uploadId]) => uploadId);

    return Promise.resolve(ids);
  }

  acceptedCount(org: OrgId, sharedAudienceId: string): Promise<number> {
    return Promise.resolve(this.accepted.get(org, sharedAudienceId)?.size ?? 0);
  }

  private pendingUploads(org: OrgId, sharedAudienceId: string): Upload[] {
    return [...this.uploads.of(org).values()].filter(
      (upload) => upload.sharedAudienceId === sharedAudienceId,
    );
  }
}
