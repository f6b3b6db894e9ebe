import fc from 'fast-check';

const INT64_MAX = 9223372036854775807n;
const NINETEEN_NINES = 9999999999999999999n;

const half = (value: bigint): string => value.toString().padStart(19, '0');

/** Valid ECIDs: 38 digits, each 19-digit half a signed 64-bit integer (leading zeros included). */
export const visitorIdArb: fc.Arbitrary<string> = fc
  .tuple(fc.bigInt({ min: 0n, max: INT64_MAX }), fc.bigInt({ min: 0n, max: INT64_MAX }))
  .map(([high, low]) => half(high) + half(low));

/** Strings that look close to an ECID but are not one: a half too large, a wrong length, a non-digit. */
export const invalidVisitorIdArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.bigInt({ min: INT64_MAX + 1n, max: NINETEEN_NINES }), visitorIdArb, fc.boolean())
    .map(([big, valid, first]) => (first ? half(big) + valid.slice(19) : valid.slice(0, 19) + half(big))),
  visitorIdArb.chain((valid) => fc.integer({ min: 1, max: 37 }).map((length) => valid.slice(0, length))),
  fc.tuple(visitorIdArb, fc.constantFrom('0', '12')).map(([valid, extra]) => valid + extra),
  fc
    .tuple(visitorIdArb, fc.integer({ min: 0, max: 37 }), fc.constantFrom('a', ' ', '-', '٣'))
    .map(([valid, at, bad]) => valid.slice(0, at) + bad + valid.slice(at + 1)),
);

/** A fixed pool of valid ECIDs, so that generated profiles share visitor IDs on purpose. */
export const visitorIdPool: readonly string[] = Array.from({ length: 12 }, (_, index) => {
  const seed = BigInt(index + 1);

  return half(seed * 614889782588491410n) + half(INT64_MAX - seed * 7919n);
});
