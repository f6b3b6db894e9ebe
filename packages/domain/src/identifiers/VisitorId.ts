const INT64_MAX = 9223372036854775807n;

/** Why a string is not an Experience Cloud ID, or `null` when it is one. */
export function visitorIdProblem(value: string): string | null {
  if (!/^\d{38}$/.test(value)) return 'a visitor ID (ECID) has exactly 38 digits';

  const halves = [value.slice(0, 19), value.slice(19)];
  if (halves.some((half) => BigInt(half) > INT64_MAX)) {
    return 'each 19-digit half of a visitor ID (ECID) must fit a signed 64-bit integer';
  }

  return null;
}

/** True for a 38-digit ECID whose two 19-digit halves each fit a signed 64-bit integer. */
export function isVisitorId(value: string): boolean {
  return visitorIdProblem(value) === null;
}
