import type { Audience } from '../audiences/Audience.js';
import { authorize } from '../auth/authorize.js';
import type { OrgId, Principal } from '../auth/Principal.js';
import { assertImportable, chooseImportPath } from '../imports/chooseImportPath.js';
import type { AudienceRepository } from '../ports/AudienceRepository.js';
import type { DataSourceRepository } from '../ports/DataSourceRepository.js';
import type { SharedAudienceCatalog } from '../ports/PeopleCore.js';
import type { Clock, IdGenerator } from '../ports/Runtime.js';
import { DomainError } from '../shared/DomainError.js';
import { err, ok, type Result } from '../shared/Result.js';
import { catalogFor } from '../sharedaudiences/catalogFor.js';

/** The ports creating an import uses. */
export interface CreateSharedAudienceImportPorts {
  readonly audiences: AudienceRepository;
  readonly dataSources: DataSourceRepository;
  readonly catalog: SharedAudienceCatalog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The organisation the People core account belongs to; other organisations see no shared audience. */
  readonly peopleCoreOrg?: OrgId | undefined;
}

export interface CreateSharedAudienceImportInput {
  readonly label: string;
  readonly sharedAudienceId: string;
  readonly dataSourceId: string;
  readonly forceReconciliation: boolean;
}

const MAX_LABEL = 128;

/**
 * Creates the campaign audience a People core segment is imported into (design §1 import 1–3):
 * a shared audience reconciled with profiles, or a file audience of decrypted addresses. It
 * checks every choice up front, so that no sync can later fail for a reason known now.
 */
export class CreateSharedAudienceImport {
  constructor(private readonly ports: CreateSharedAudienceImportPorts) {}

  async execute(principal: Principal, input: CreateSharedAudienceImportInput): Promise<Result<Audience>> {
    const allowed = authorize(principal, 'import');
    if (!allowed.ok) return allowed;

    const label = input.label.trim();
    if (label === '' || label.length > MAX_LABEL) {
      return err(DomainError.invalid(`An audience label has 1 to ${MAX_LABEL} characters`, ['label']));
    }

    const dataSource = await this.ports.dataSources.get(principal.orgId, input.dataSourceId);
    if (dataSource === null) return err(DomainError.notFound('data source', input.dataSourceId));

    const item = await catalogFor(principal, this.ports.catalog, this.ports.peopleCoreOrg).get(
      input.sharedAudienceId,
    );
    if (item === null) return err(DomainError.notFound('shared audience', input.sharedAudienceId));

    const importable = assertImportable(item);
    if (!importable.ok) return importable;

    const path = chooseImportPath(dataSource, input.forceReconciliation);
    if (!path.ok) return path;

    const audience = await this.ports.audiences.create(principal.orgId, {
      id: this.ports.ids.next('aud'),
      label,
      type: path.value === 'reconcile' ? 'shared' : 'file',
      source: {
        sharedAudienceId: item.id,
        dataSourceId: dataSource.id,
        forceReconciliation: input.forceReconciliation,
        path: path.value,
      },
      filter: null,
      createdBy: principal.subject,
      createdAt: this.ports.clock.now(),
    });

    return ok(audience);
  }
}
