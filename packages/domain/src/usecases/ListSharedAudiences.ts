import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/Principal.js';
import type { SharedAudienceCatalog } from '../ports/PeopleCore.js';
import { ok, type Result } from '../shared/Result.js';
import type { SharedAudience } from '../sharedaudiences/SharedAudience.js';

/** Lists the People core segments and traits an operator can pick when creating an import. */
export class ListSharedAudiences {
  constructor(private readonly ports: { readonly catalog: SharedAudienceCatalog }) {}

  async execute(
    principal: Principal,
    filter: { readonly kind?: SharedAudience['kind'] } = {},
  ): Promise<Result<SharedAudience[]>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    const items = await this.ports.catalog.list();

    return ok(items.filter((item) => filter.kind === undefined || item.kind === filter.kind));
  }
}
