import { isSid, isUserId } from './ids.js';
import { lineError, lineOk, type LineResult } from './LineResult.js';

/** One parsed inbound line: traits realised, traits removed, and other signals (`ic=…`, `key=value`). */
export interface InboundLine {
  readonly userId: string;
  readonly traits: readonly string[];
  readonly removed: readonly string[];
  readonly signals: readonly string[];
}

/** Formats `<user id><TAB>d_sid=<id>,d_sid=<id>`. */
export function formatInboundLine(userId: string, traitIds: readonly string[]): string {
  return `${userId}\t${traitIds.map((id) => `d_sid=${id}`).join(',')}`;
}

type Token = { kind: 'trait' | 'removed' | 'signal'; id: string } | { kind: 'bad'; reason: string };

function classify(token: string): Token {
  if (token.startsWith('d_sid=')) return sid('trait', token.slice(6), token);
  if (token.startsWith('d_unsid=')) return sid('removed', token.slice(8), token);
  if (token.endsWith(':0')) return sid('removed', token.slice(0, -2), token);
  if (token.endsWith(':-1')) return sid('removed', token.slice(0, -3), token);
  if (isSid(token)) return { kind: 'trait', id: token };
  if (/^[^=\s]+=.+$/.test(token)) return { kind: 'signal', id: token };
  return { kind: 'bad', reason: `"${token.slice(0, 40)}" is not a trait token` };
}

function sid(kind: 'trait' | 'removed', id: string, token: string): Token {
  return isSid(id)
    ? { kind, id }
    : { kind: 'bad', reason: `"${token.slice(0, 40)}" has no numeric trait id` };
}

/** Parses one inbound line (without its newline); `lineNumber` is 1-based and used in the reason. */
export function parseInboundLine(text: string, lineNumber: number): LineResult<InboundLine> {
  const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
  const tab = clean.indexOf('\t');
  if (tab === -1) return lineError(lineNumber, 'expected <user id><TAB><traits>, found no tab');
  const userId = clean.slice(0, tab);
  if (!isUserId(userId)) return lineError(lineNumber, 'the user id is empty or has whitespace');

  const line = { userId, traits: [] as string[], removed: [] as string[], signals: [] as string[] };
  const column = clean.slice(tab + 1);
  for (const token of column === '' ? [] : column.split(',')) {
    const parsed = classify(token);
    if (parsed.kind === 'bad') return lineError(lineNumber, parsed.reason);
    const target =
      parsed.kind === 'trait' ? line.traits : parsed.kind === 'removed' ? line.removed : line.signals;
    target.push(parsed.id);
  }
  if (line.traits.length + line.removed.length + line.signals.length === 0) {
    return lineError(lineNumber, 'the line names no trait');
  }
  return lineOk(line);
}
