import type { Audience, AudienceType } from '../audiences/Audience.js';
import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/Principal.js';
import type { AudienceRepository } from '../ports/AudienceRepository.js';
import { DomainError } from '../shared/DomainError.js';
import { defaultPage, type Page, type PageRequest } from '../shared/Page.js';
import { err, ok, type Result } from '../shared/Result.js';

/** Reads audiences and their current members, for the API and the CLI. */
export class ReadAudiences {
  constructor(private readonly ports: { readonly audiences: AudienceRepository }) {}

  async list(
    principal: Principal,
    page: PageRequest = defaultPage,
    type?: AudienceType,
  ): Promise<Result<Page<Audience>>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    return ok(await this.ports.audiences.list(principal.orgId, page, type));
  }

  async show(principal: Principal, id: string): Promise<Result<Audience>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    const audience = await this.ports.audiences.get(principal.orgId, id);

    return audience === null ? err(DomainError.notFound('audience', id)) : ok(audience);
  }

  async members(
    principal: Principal,
    id: string,
    page: PageRequest = defaultPage,
  ): Promise<Result<Page<string>>> {
    const shown = await this.show(principal, id);
    if (!shown.ok) return shown;

    return ok(await this.ports.audiences.members(principal.orgId, id, page));
  }
}
