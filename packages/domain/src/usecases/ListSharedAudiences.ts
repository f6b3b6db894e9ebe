import { authorize } from '../auth/authorize.js';
import type { OrgId, Principal } from '../auth/Principal.js';
import type { SharedAudienceCatalog } from '../ports/PeopleCore.js';
import { ok, type Result } from '../shared/Result.js';
import type { SharedAudience } from '../sharedaudiences/SharedAudience.js';
import { catalogFor } from '../sharedaudiences/catalogFor.js';

/** Lists the People core segments and traits an operator can pick when creating an import. */
export class ListSharedAudiences {
  constructor(
    private readonly ports: {
      readonly catalog: SharedAudienceCatalog;
      readonly peopleCoreOrg?: OrgId | undefined;
    },
  ) {}

  async execute(
    principal: Principal,
    filter: { readonly kind?: SharedAudience['kind'] } = {},
  ): Promise<Result<SharedAudience[]>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    const items = await catalogFor(principal, this.ports.catalog, this.ports.peopleCoreOrg).list();

    return ok(items.filter((item) => filter.kind === undefined || item.kind === filter.kind));
  }
}
