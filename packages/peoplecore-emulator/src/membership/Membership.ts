/**
 * Who is in each segment or trait, by SID, as user IDs in the form the SID's data source declares
 * them. The emulator stores membership per SID and does not evaluate segment rules.
 */
export class Membership {
  private readonly members = new Map<number, Set<string>>();

  private setOf(sid: number): Set<string> {
    let set = this.members.get(sid);
    if (set === undefined) {
      set = new Set();
      this.members.set(sid, set);
    }

    return set;
  }

  /** Adds user IDs to a SID; returns how many were not members yet. */
  add(sid: number, userIds: Iterable<string>): number {
    const set = this.setOf(sid);
    const before = set.size;
    for (const userId of userIds) set.add(userId);

    return set.size - before;
  }

  /** Removes user IDs from a SID; returns how many were members. */
  remove(sid: number, userIds: Iterable<string>): number {
    const set = this.members.get(sid);
    if (set === undefined) return 0;

    let removed = 0;
    for (const userId of userIds) if (set.delete(userId)) removed += 1;

    return removed;
  }

  /** Replaces a SID's members. */
  set(sid: number, userIds: Iterable<string>): void {
    this.members.set(sid, new Set(userIds));
  }

  has(sid: number, userId: string): boolean {
    return this.members.get(sid)?.has(userId) ?? false;
  }

  /** The members of a SID, in the order they joined. */
  membersOf(sid: number): string[] {
    return [...(this.members.get(sid) ?? [])];
  }

  size(sid: number): number {
    return this.members.get(sid)?.size ?? 0;
  }
}
