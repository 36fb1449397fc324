import { keywordChecks } from '../keywords/checks.js';
import { isWord } from '../keywords/shape.js';
import type { Token } from '../keywords/tokens.js';
import type { Rule, RuleReport } from '../types.js';

/**
 * MySQL's and MariaDB's `utf8` is utf8mb3: at most 3 bytes a character, so characters outside the
 * Basic Multilingual Plane (emoji, many CJK ideographs) cannot be stored. MySQL deprecates
 * utf8mb3 and recommends utf8mb4 (Reference Manual 8.4, 12.9.3 "The utf8 Character Set").
 */
export const preferUtf8mb4: Rule = {
  id: 'prefer-utf8mb4',
  severity: 'warning',
  effect: 'fails',
  description: 'The utf8 (utf8mb3) character set, its collations or NCHAR types store at most 3 bytes a character: 4-byte characters such as emoji are refused or cut off.',
  help: 'Write utf8mb4, with a utf8mb4 collation (utf8mb4_0900_ai_ci on MySQL 8, utf8mb4_unicode_ci on MariaDB).',
  checks: {
    ...keywordChecks(['mysql'], (tokens) => tokens.flatMap((token, index) => threeByteReport(tokens, index) ?? [])),
  },
};

/** The character sets that are utf8mb3 (`utf8` unless MariaDB's old_mode says otherwise, which is not the default). */
const THREE_BYTE_SETS: ReadonlySet<string> = new Set(['UTF8', 'UTF8MB3']);
/** Collations of those: `utf8_general_ci`, `utf8mb3_bin`. */
const THREE_BYTE_COLLATION = /^UTF8(?:MB3)?_/;
/** Words after which a character set is named: `CHARACTER SET x`, `CHARSET x`, `NAMES x`, `CONVERT(... USING x)`. */
const SET_WORDS: ReadonlySet<string> = new Set(['CHARSET', 'NAMES', 'USING']);
/** Types whose character set is utf8mb3 whatever the table's is. */
const NATIONAL_TYPES: ReadonlySet<string> = new Set(['NCHAR', 'NVARCHAR', 'NATIONAL']);

/** A report when the token at `index` names utf8mb3, a utf8mb3 collation or a national type. */
function threeByteReport(tokens: readonly Token[], index: number): RuleReport | undefined {
  const token = tokens[index] as Token;
  if (token.kind === 'word' && NATIONAL_TYPES.has(token.text) && isTypePosition(tokens, index)) {
    return { message: `${token.text} is a utf8mb3 type: at most 3 bytes a character, so emoji and other 4-byte characters are refused or cut off.`, offset: token.offset };
  }
  const named = valueAfter(tokens, index);
  if (!named) return undefined;
  const value = named.text.toUpperCase();
  const isCollation = isWord(token, 'COLLATE');
  const threeByte = isCollation ? THREE_BYTE_COLLATION.test(value) : namesCharacterSet(tokens, index) && THREE_BYTE_SETS.has(value);
  if (!threeByte) return undefined;
  const what = isCollation ? `Collation ${named.text} belongs to utf8mb3` : `${named.text} is utf8mb3`;
  return { message: `${what}: at most 3 bytes a character, so emoji and other 4-byte characters are refused or cut off.`, offset: named.offset };
}

function namesCharacterSet(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  return token.kind === 'word' && (SET_WORDS.has(token.text) || (token.text === 'SET' && isWord(tokens[index - 1], 'CHARACTER')));
}

/** The name or string after `index`, past an optional `=`. */
function valueAfter(tokens: readonly Token[], index: number): Token | undefined {
  const value = tokens[tokens[index + 1]?.text === '=' ? index + 2 : index + 1];
  return value && (value.kind === 'word' || value.kind === 'string' || value.kind === 'quoted-identifier') ? value : undefined;
}

/** A column's type in `CREATE TABLE` or `ALTER TABLE`: right after the column's name. */
function isTypePosition(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  const definesColumns = isWord(tokens[0], 'CREATE') || isWord(tokens[0], 'ALTER');
  return definesColumns && previous !== undefined && (previous.kind === 'quoted-identifier' || previous.kind === 'word');
}
