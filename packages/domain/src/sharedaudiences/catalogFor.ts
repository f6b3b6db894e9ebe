import type { OrgId, Principal } from '../auth/Principal.js';
import type { SharedAudienceCatalog } from '../ports/PeopleCore.js';
import { DomainError } from '../shared/DomainError.js';

/** The refusal a principal meets when it would create a segment in another organisation's account. */
export const noPeopleCoreAccount = (): DomainError =>
  new DomainError(
    'NOT_FOUND',
    'this organisation has no People core account here: no segment can be created',
  );

/** Whether the People core account (of `accountOrg`) serves the principal's organisation. */
export const servesOrg = (principal: Principal, accountOrg: OrgId | undefined): boolean =>
  accountOrg === undefined || accountOrg === principal.orgId;

/** A catalog with nothing in it, for a principal of an organisation the People core account does not serve. */
const foreignCatalog: SharedAudienceCatalog = {
  list: () => Promise.resolve([]),
  get: () => Promise.resolve(null),
  createSegment: () => Promise.reject(noPeopleCoreAccount()),
};

/**
 * The People core catalog as a principal may see it. A People core account belongs to one IMS
 * organisation (`accountOrg`); a principal of any other organisation sees an empty catalog, so it can
 * neither import from nor export to that organisation's shared audiences. Without a known account
 * organisation every principal sees the catalog (a single-tenant deployment).
 */
export function catalogFor(
  principal: Principal,
  catalog: SharedAudienceCatalog,
  accountOrg: OrgId | undefined,
): SharedAudienceCatalog {
  return servesOrg(principal, accountOrg) ? catalog : foreignCatalog;
}
