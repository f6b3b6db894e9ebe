const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/**
 * Orders two strings by Unicode code point, as SQL collations such as `C`/`BINARY` on UTF-8 do,
 * rather than by UTF-16 code unit as `<` does; a lone surrogate counts as its own code point.
 */
export function compareCodePoints(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let index = 0; index < shorter; index++) {
    if (a.charCodeAt(index) === b.charCodeAt(index)) continue;

    // A difference in a low surrogate is a difference in the code point that began one unit earlier.
    const start = index > 0 && isHighSurrogate(a.charCodeAt(index - 1)) ? index - 1 : index;
    const difference = (a.codePointAt(start) ?? 0) - (b.codePointAt(start) ?? 0);

    return difference !== 0 ? difference : (a.codePointAt(index) ?? 0) - (b.codePointAt(index) ?? 0);
  }

  return a.length - b.length;
}
