import { DomainError, type FieldPath } from '@audience-bridge/domain';

/** Where a filter field lives in the `profiles` row aliased `p`: a text column, a flag, or a JSON member. */
export type FieldRef =
  | { readonly kind: 'text'; readonly column: string }
  | { readonly kind: 'flag'; readonly column: string }
  | { readonly kind: 'json'; readonly column: string; readonly name: string };

const COLUMNS: Readonly<Record<string, FieldRef>> = {
  key: { kind: 'text', column: 'p.key' },
  email: { kind: 'text', column: 'p.email' },
  mobilePhone: { kind: 'text', column: 'p.mobile_phone' },
  visitorId: { kind: 'text', column: 'p.visitor_id' },
  'optOut.all': { kind: 'flag', column: 'p.opt_out_all' },
  'optOut.email': { kind: 'flag', column: 'p.opt_out_email' },
  'optOut.sms': { kind: 'flag', column: 'p.opt_out_sms' },
};

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Resolves a field path; names are checked so that nothing but a plain identifier reaches SQL. */
export function fieldRefOf(path: FieldPath): FieldRef {
  const column = COLUMNS[path];
  if (column !== undefined) return column;

  const dot = path.indexOf('.');
  const [scope, name] = [path.slice(0, dot), path.slice(dot + 1)];
  if ((scope !== 'attributes' && scope !== 'customKeys') || !NAME.test(name)) {
    throw DomainError.invalid(`cannot filter on field ${path}`);
  }

  return { kind: 'json', column: scope === 'attributes' ? 'p.attributes' : 'p.custom_keys', name };
}
