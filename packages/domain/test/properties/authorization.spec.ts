import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';

import { authorize, canSee, DomainError, type Action } from '../../src/index.js';
import { orgIdArb, principalArb } from '../../src/testing/index.js';

const actionArb = fc.constantFrom<Action>('read', 'write', 'import', 'export');

describe('9. authorization: IMS-only import/export, org isolation', () => {
  test.prop([principalArb, actionArb])(
    '9. authorization: IMS-only import/export, org isolation: only IMS principals import or export',
    (principal, action) => {
      const result = authorize(principal, action);

      const mayAct = principal.authMethod === 'ims' || action === 'read' || action === 'write';
      expect(result.ok).toBe(mayAct);
      if (!result.ok) {
        expect(DomainError.is(result.error, 'AUTH.IMS_REQUIRED')).toBe(true);
        expect(result.error.message).toMatch(/IMS.*audience-bridge login/);
      }
    },
  );

  test.prop([principalArb, orgIdArb])(
    '9. authorization: IMS-only import/export, org isolation: a principal sees only its own organisation',
    (principal, owner) => {
      expect(canSee(principal, owner)).toBe(principal.orgId === owner);
      expect(canSee(principal, principal.orgId)).toBe(true);
    },
  );
});
