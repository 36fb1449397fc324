/**
 * Line and column (1-based) of a JSON.parse failure. V8 states "(line L column C)" in some
 * versions and only "at position P" in others; the text itself gives the rest.
 */
export function jsonSyntaxLocation(text: string, message: string): { line: number; column: number } {
  const stated = /\(line (\d+) column (\d+)\)/.exec(message);
  if (stated) return { line: Number(stated[1]), column: Number(stated[2]) };
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
