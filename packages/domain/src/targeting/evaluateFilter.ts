import type { AttributeValue, Profile } from '../profiles/Profile.js';
import { compareCodePoints } from './compareCodePoints.js';
import type { ComparisonOp, FieldPath, Filter, Scalar } from './Filter.js';

/**
 * The value a field path reads on a profile: `undefined` when the profile has no such attribute or
 * custom key, `null` when it holds the field empty. Storage adapters must read paths the same way.
 */
export function fieldValue(profile: Profile, path: FieldPath): AttributeValue | undefined {
  switch (path) {
    case 'key':
      return profile.key;
    case 'email':
      return profile.email;
    case 'mobilePhone':
      return profile.mobilePhone;
    case 'visitorId':
      return profile.visitorId;
    case 'optOut.all':
      return profile.optOut.all;
    case 'optOut.email':
      return profile.optOut.email;
    case 'optOut.sms':
      return profile.optOut.sms;
    default:
      return namedValue(profile, path);
  }
}

function namedValue(profile: Profile, path: string): AttributeValue | undefined {
  const dot = path.indexOf('.');
  const name = path.slice(dot + 1);
  const record: Readonly<Record<string, AttributeValue>> =
    path.slice(0, dot) === 'attributes' ? profile.attributes : profile.customKeys;

  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/**
 * The reference semantics of the targeting language, which every storage adapter's filter
 * translation must agree with. Two-valued: a comparison whose field is missing, null, or of
 * another type than the literal is false — `neq` included, so `neq` is not the complement of `eq`
 * (use `not` for that). Booleans support `eq`, `neq` and `in` only.
 */
export function evaluateFilter(filter: Filter, profile: Profile): boolean {
  if ('and' in filter) return filter.and.every((part) => evaluateFilter(part, profile));
  if ('or' in filter) return filter.or.some((part) => evaluateFilter(part, profile));
  if ('not' in filter) return !evaluateFilter(filter.not, profile);

  const value = fieldValue(profile, filter.field);
  if (value === undefined || value === null) return false;
  if (filter.op === 'exists') return true;
  if (filter.op === 'in')
    return filter.values.some((listed) => typeof listed === typeof value && listed === value);

  return compare(filter.op, value, filter.value);
}

function compare(op: ComparisonOp, value: Scalar, literal: Scalar): boolean {
  if (typeof value !== typeof literal) return false;
  if (op === 'eq') return value === literal;
  if (op === 'neq') return value !== literal;
  if (typeof value === 'boolean' || typeof literal === 'boolean') return false;
  if (typeof value === 'string' && typeof literal === 'string') return compareStrings(op, value, literal);

  return order(op, numberSign(Number(value), Number(literal)));
}

/** Like `a - b` in sign, but exact for infinities and NaN-safe (every ordering on NaN is false). */
function numberSign(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;

  return a === b ? 0 : Number.NaN;
}

function compareStrings(op: ComparisonOp, value: string, literal: string): boolean {
  if (op === 'contains') return value.includes(literal);
  if (op === 'startsWith') return value.startsWith(literal);

  return order(op, compareCodePoints(value, literal));
}

function order(op: ComparisonOp, difference: number): boolean {
  switch (op) {
    case 'lt':
      return difference < 0;
    case 'lte':
      return difference <= 0;
    case 'gt':
      return difference > 0;
    case 'gte':
      return difference >= 0;
    default:
      return false;
  }
}
