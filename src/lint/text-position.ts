/** Turns offsets into a text into 1-based line and column numbers. */

/** Finds line and column of offsets into one text; build once per text, ask many times. */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    const lineBreak = /\r\n?|\n/g;
    for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) this.starts.push(match.index + match[0].length);
  }

  /**
   * The 1-based line and column of `offset`; columns count UTF-16 code units.
   *
   * @example
   * new LineIndex('a\nbc').position(3) // { line: 2, column: 2 }
   */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}
