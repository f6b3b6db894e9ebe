import { parseOutboundLine } from '../formats/index.js';
import { recordProblem, type SnapshotProblems } from './SnapshotProblems.js';

/**
 * The effect of `iter` lines on one segment: a user whose line lists the segment is in, a user whose
 * removed column lists it is out, and a later line wins. Users whose lines do not name the segment keep
 * the state the full delivery gives them.
 */
export class IterState {
  private readonly states = new Map<string, boolean>();

  constructor(
    private readonly segmentId: string,
    private readonly problems: SnapshotProblems,
  ) {}

  /** Applies the lines of one iter file, in order; `firstLineNumber` continues across calls. */
  apply(fileName: string, lines: readonly string[], firstLineNumber: number): void {
    for (const [offset, text] of lines.entries()) {
      const parsed = parseOutboundLine(text, firstLineNumber + offset);
      if (!parsed.ok) {
        recordProblem(this.problems, fileName, parsed.reason);
        continue;
      }
      const { userId, segments, removed } = parsed.value;
      if (segments.includes(this.segmentId)) this.states.set(userId, true);
      else if (removed.includes(this.segmentId)) this.states.set(userId, false);
    }
  }

  /** Whether iter lines decided this user's membership, so the full delivery's line no longer counts. */
  decides(userId: string): boolean {
    return this.states.has(userId);
  }

  /** Users the iter lines put in the segment. */
  *members(): Generator<string> {
    for (const [userId, member] of this.states) if (member) yield userId;
  }
}
