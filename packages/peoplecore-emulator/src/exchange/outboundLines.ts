import type { OutboundLine } from '@audience-bridge/adapters-peoplecore/formats';

/** Each user's segments (as SID strings, ascending) at one moment. */
export type MembershipView = Map<string, readonly string[]>;

/** Every user of the given segments with the segments they are in; segment order follows `sids`. */
export function membershipView(
  sids: readonly number[],
  membersOf: (sid: number) => readonly string[],
): MembershipView {
  const view = new Map<string, string[]>();
  for (const sid of sids) {
    for (const userId of membersOf(sid)) {
      const list = view.get(userId);
      if (list === undefined) view.set(userId, [String(sid)]);
      else list.push(String(sid));
    }
  }

  return view;
}

/** A full delivery: every user in at least one segment, with the segments they are in. */
export function fullLines(current: MembershipView): OutboundLine[] {
  return [...current].map(([userId, segments]) => ({ userId, segments, removed: [] }));
}

/**
 * An incremental delivery: only users whose segments changed since `previous`, with the segments
 * they are in now and those they left (a user who left every segment has an empty segment column).
 */
export function iterLines(current: MembershipView, previous: MembershipView): OutboundLine[] {
  const lines: OutboundLine[] = [];
  for (const [userId, segments] of current) {
    const before = previous.get(userId) ?? [];
    const removed = before.filter((sid) => !segments.includes(sid));
    const changed = removed.length > 0 || segments.some((sid) => !before.includes(sid));
    if (changed) lines.push({ userId, segments, removed });
  }
  for (const [userId, before] of previous) {
    if (!current.has(userId) && before.length > 0) lines.push({ userId, segments: [], removed: [...before] });
  }

  return lines;
}
