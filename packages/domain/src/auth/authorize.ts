import { DomainError } from '../shared/DomainError.js';
import { err, ok, type Result } from '../shared/Result.js';
import type { OrgId, Principal } from './Principal.js';

/** What a caller wants to do; import and export reach People core, so they need an IMS identity. */
export type Action = 'read' | 'write' | 'import' | 'export';

const imsOnly: ReadonlySet<Action> = new Set<Action>(['import', 'export']);

/** Refuses import and export to a principal that did not sign in through IMS (design §3.9). */
export function authorize(principal: Principal, action: Action): Result<void> {
  if (principal.authMethod === 'ims' || !imsOnly.has(action)) return ok(undefined);

  return err(
    new DomainError(
      'AUTH.IMS_REQUIRED',
      `To ${action}, sign in through IMS (for example \`audience-bridge login\`); a local API key may not ${action}`,
      { action, subject: principal.subject },
    ),
  );
}

/** The tenant boundary: a principal sees only the objects its own organisation owns. */
export function canSee(principal: Principal, ownerOrg: OrgId): boolean {
  return principal.orgId === ownerOrg;
}
