/** The outcome of parsing one line of a batch file: the value, or why the line is malformed. */
export type LineResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string; readonly lineNumber: number };

export const lineOk = <T>(value: T): LineResult<T> => ({ ok: true, value });

export const lineError = (lineNumber: number, reason: string): LineResult<never> => ({
  ok: false,
  reason: `line ${lineNumber}: ${reason}`,
  lineNumber,
});
