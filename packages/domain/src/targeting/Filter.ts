import { z } from 'zod';

/**
 * A path into a profile: its identifiers, opt-out flags, attributes (`attributes.<name>`) or
 * custom keys (`customKeys.<name>`).
 */
export type FieldPath =
  | 'key'
  | 'email'
  | 'mobilePhone'
  | 'visitorId'
  | 'optOut.all'
  | 'optOut.email'
  | 'optOut.sms'
  | `attributes.${string}`
  | `customKeys.${string}`;

export type Scalar = string | number | boolean;

export type ComparisonOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains' | 'startsWith';

/**
 * The targeting language. It is two-valued: a comparison on a field the profile lacks (or holds
 * as null, or holds with another type than the literal) is false, and `not` is the plain complement.
 * Ordering compares numbers numerically and strings by Unicode code point; `contains` and
 * `startsWith` are case-sensitive and apply to strings only.
 */
export type Filter =
  | { readonly and: readonly Filter[] }
  | { readonly or: readonly Filter[] }
  | { readonly not: Filter }
  | { readonly field: FieldPath; readonly op: ComparisonOp; readonly value: Scalar }
  | { readonly field: FieldPath; readonly op: 'in'; readonly values: readonly Scalar[] }
  | { readonly field: FieldPath; readonly op: 'exists' };

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const fieldPathSchema = z
  .string()
  .refine(
    (path) =>
      ['key', 'email', 'mobilePhone', 'visitorId', 'optOut.all', 'optOut.email', 'optOut.sms'].includes(
        path,
      ) ||
      ((path.startsWith('attributes.') || path.startsWith('customKeys.')) &&
        NAME.test(path.slice(path.indexOf('.') + 1))),
    {
      error:
        'a field is key, email, mobilePhone, visitorId, optOut.<all|email|sms>, attributes.<name> or customKeys.<name>',
    },
  ) as unknown as z.ZodType<FieldPath>;

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

export const filterSchema: z.ZodType<Filter> = z.lazy(() =>
  z.union([
    z.strictObject({ and: z.array(filterSchema).min(1) }),
    z.strictObject({ or: z.array(filterSchema).min(1) }),
    z.strictObject({ not: filterSchema }),
    z.strictObject({
      field: fieldPathSchema,
      op: z.enum(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'contains', 'startsWith']),
      value: scalarSchema,
    }),
    z.strictObject({
      field: fieldPathSchema,
      op: z.literal('in'),
      values: z.array(scalarSchema).min(1).max(10_000),
    }),
    z.strictObject({ field: fieldPathSchema, op: z.literal('exists') }),
  ]),
);
