/** Values written into a generated revision's TypeScript or JavaScript. */

/** A string literal: in `'`, or in `"` when the text holds a `'` and no `"` (SQL quotes with `'`), so it reads as written. */
export function tsString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  return `${quote}${value.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`).replaceAll('\n', '\\n')}${quote}`;
}

/** The text as a template literal, for statements over several lines. */
export function templateLiteral(text: string): string {
  return `\`${text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${')}\``;
}
