/**
 * Maps the position of a row among those handed to the use case back to its line in the file, in
 * memory proportional to the number of skipped lines rather than the number of rows.
 */
export class LineIndex {
  private readonly breakpoints: { readonly index: number; readonly offset: number }[] = [];

  /** Notes that row `index` sits on `line`. */
  record(index: number, line: number): void {
    const offset = line - index;
    if (this.breakpoints.at(-1)?.offset !== offset) this.breakpoints.push({ index, offset });
  }

  /** The line of row `index`, as recorded. */
  lineOf(index: number): number {
    let low = 0;
    let high = this.breakpoints.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.breakpoints[middle]?.index ?? 0) <= index) low = middle;
      else high = middle - 1;
    }

    return index + (this.breakpoints[low]?.offset ?? 1);
  }
}
