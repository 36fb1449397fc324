/**
 * `text` with the characters a regular expression gives meaning to escaped, to match it literally
 * inside a larger pattern.
 *
 * @example new RegExp(`^${escapeRegExp('a.b')}$`).test('a.b') // true; 'axb' is not matched
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
