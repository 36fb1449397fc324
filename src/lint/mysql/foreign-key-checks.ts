/**
 * MySQL's `foreign_key_checks` session setting, as a script sets it: with checks off, adding a
 * foreign key needs no table copy (and existing rows go unchecked).
 */
import { isWord } from '../keywords/shape.js';
import type { Token } from '../keywords/tokens.js';

/** A scope word applies to the assignments after it, until the next one (`SET GLOBAL a = 1, SESSION b = 2`). */
const SCOPES: ReadonlySet<string> = new Set(['GLOBAL', 'PERSIST', 'PERSIST_ONLY', 'SESSION', 'LOCAL']);
const THIS_SESSION: ReadonlySet<string> = new Set(['SESSION', 'LOCAL']);
const VALUES: Readonly<Record<string, boolean>> = { '0': false, OFF: false, '1': true, ON: true };

/**
 * The value a `SET` gives `foreign_key_checks` for this session, or undefined when it does not
 * set it (`SET GLOBAL` changes only later sessions).
 *
 * @example
 * foreignKeyChecksSet(tokenize('SET foreign_key_checks = 0', 'mysql').tokens) // false
 */
export function foreignKeyChecksSet(tokens: readonly Token[]): boolean | undefined {
  if (!isWord(tokens[0], 'SET')) return undefined;
  let value: boolean | undefined;
  let scope = 'SESSION';
  tokens.forEach((token, index) => {
    if (token.depth !== 0 || token.kind !== 'word') return;
    if (SCOPES.has(token.text)) scope = token.text;
    if (token.text.replace(/^@@/, '') !== 'FOREIGN_KEY_CHECKS' || tokens[index + 1]?.text !== '=') return;
    // @@session.foreign_key_checks, @@global.foreign_key_checks
    const qualifier = tokens[index - 1]?.text === '.' ? tokens[index - 2]?.text.replace(/^@@/, '') : undefined;
    if (THIS_SESSION.has(qualifier ?? scope)) value = VALUES[tokens[index + 2]?.text ?? ''] ?? value;
  });
  return value;
}
