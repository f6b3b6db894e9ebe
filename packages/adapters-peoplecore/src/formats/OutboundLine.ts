import { isSid, isUserId, splitIds } from './ids.js';
import { lineError, lineOk, type LineResult } from './LineResult.js';

/** One line of an outbound file: a user, the segments it is in, and the segments it left. */
export interface OutboundLine {
  readonly userId: string;
  readonly segments: readonly string[];
  readonly removed: readonly string[];
}

/** Formats `<user id> <segments> <removed segments>`, leaving out an empty removed column. */
export function formatOutboundLine(line: OutboundLine): string {
  const head = `${line.userId} ${line.segments.join(',')}`;
  return line.removed.length === 0 ? head : `${head} ${line.removed.join(',')}`;
}

/** Parses one outbound line (without its newline); `lineNumber` is 1-based and used in the reason. */
export function parseOutboundLine(text: string, lineNumber: number): LineResult<OutboundLine> {
  const columns = (text.endsWith('\r') ? text.slice(0, -1) : text).split(' ');
  if (columns.length < 2 || columns.length > 3) {
    return lineError(lineNumber, `expected 2 or 3 space-separated columns, found ${columns.length}`);
  }

  const [userId = '', segmentColumn, removedColumn] = columns;
  if (!isUserId(userId)) return lineError(lineNumber, 'the user id is empty');
  const segments = splitIds(segmentColumn);
  const removed = splitIds(removedColumn);
  const bad = [...segments, ...removed].find((id) => !isSid(id));
  if (bad !== undefined) return lineError(lineNumber, `"${bad.slice(0, 40)}" is not a segment id`);
  return lineOk({ userId, segments, removed });
}
