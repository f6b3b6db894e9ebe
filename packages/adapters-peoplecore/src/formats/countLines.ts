const newline = 0x0a;

/** Counts lines of uncompressed content: newline-terminated lines plus a final unterminated one. */
export function countLines(content: Uint8Array): number {
  let count = 0;
  let index = content.indexOf(newline);
  while (index !== -1) {
    count += 1;
    index = content.indexOf(newline, index + 1);
  }
  const last = content.at(-1);
  return last !== undefined && last !== newline ? count + 1 : count;
}
