/**
 * MySQL 8 and MariaDB 10.5+ literals, safe in every sql_mode: no form depends on
 * NO_BACKSLASH_ESCAPES (a backslash escape turns into an injection when it is on) or on
 * ANSI_QUOTES (`"` is never used).
 *
 * | JavaScript value | MySQL literal | Why |
 * | --- | --- | --- |
 * | `null` | `NULL` | |
 * | `undefined` | error | knex would read it as DEFAULT; sqlgen does not guess |
 * | `true` / `false` | `TRUE` / `FALSE` | |
 * | finite number | `42`, `0.1`, `1e+21` (shortest round-trip form) | |
 * | `-0` | `-0e0` | a DOUBLE expression keeps the sign; an integer `-0` would not |
 * | `NaN`, `Infinity`, `-Infinity` | error | DOUBLE cannot hold them |
 * | bigint | `9007199254740993` (exact digits) | up to 65 digits, DECIMAL's precision; beyond that MySQL reads a DOUBLE |
 * | string without `\` | `'it''s'` | doubling is right in every sql_mode |
 * | string with `\` or a carriage return | `_utf8mb4 X'433a5c'` | hex text in utf8mb4: no escape that NO_BACKSLASH_ESCAPES changes, and no CR LF the client turns into LF |
 * | string with NUL or a lone surrogate | error | |
 * | valid `Date` | `'2024-01-02 03:04:05.678'` (UTC) | needs the script's `SET time_zone = '+00:00'` for TIMESTAMP columns |
 * | invalid `Date`, year outside 0001..9999 | error | |
 * | Buffer / Uint8Array | `X'0102ff'` | |
 * | array | error | MySQL has no arrays; knex would expand them into a list |
 * | plain object | `'{"a":1}'` (JSON text, string rules) | |
 * | Map, class instance, function, symbol, ... | error | |
 */
import type { SqlLexicalSyntax } from '../../compile/inline-bindings.js';
import {
  assertScriptableText,
  hexOf,
  jsonTextOf,
  refuseArrays,
  refuseUnsupported,
  renderBigintWithin,
  renderLiteralWith,
  renderNumberWith,
  singleQuoted,
  utcDateTime,
  utf8HexOf,
  type LiteralRenderers,
  type SpecialFloatLiterals,
} from './literal-kind.js';

const DIALECT = 'mysql';

const SPECIAL_FLOATS: SpecialFloatLiterals = { NaN: null, Infinity: null, '-Infinity': null, '-0': '-0e0' };

const DECIMAL_INTEGERS = { min: -(10n ** 65n) + 1n, max: 10n ** 65n - 1n, description: "DECIMAL's 65 digits" };

const LITERALS: LiteralRenderers = {
  null: () => 'NULL',
  boolean: (value) => (value ? 'TRUE' : 'FALSE'),
  number: (value) => renderNumberWith(DIALECT, SPECIAL_FLOATS, value),
  bigint: (value) => renderBigintWithin(DIALECT, value, DECIMAL_INTEGERS),
  string: (value) => stringLiteral(value),
  date: (value) => {
    const { date, time } = utcDateTime(DIALECT, value);
    return `'${date} ${time}'`;
  },
  binary: (value) => `X'${hexOf(value)}'`,
  array: refuseArrays(DIALECT),
  'json-object': (value) => stringLiteral(jsonTextOf(DIALECT, value)),
  unsupported: refuseUnsupported(DIALECT),
};

/**
 * A JavaScript value as a MySQL/MariaDB literal; see the table at the top of this file.
 *
 * @throws LiteralError when the value has no correct MySQL literal.
 * @example
 * renderMysqlLiteral("it's")  // 'it''s'
 * renderMysqlLiteral('a\\b')  // _utf8mb4 X'615c62'
 */
export function renderMysqlLiteral(value: unknown): string {
  return renderLiteralWith(LITERALS, value);
}

/**
 * The SQL knex's mysql2 client emits. knex escapes quotes in strings with backslashes, so
 * `'...'` and `"..."` are read with backslash escapes, as MySQL does by default.
 */
export const MYSQL_SYNTAX: SqlLexicalSyntax = {
  quoted: [
    { open: "'", close: "'", backslashEscapes: true },
    { open: '"', close: '"', backslashEscapes: true },
    { open: '`', close: '`', backslashEscapes: false },
  ],
  lineComments: [
    { open: '--', needsSpaceAfter: true },
    { open: '#', needsSpaceAfter: false },
  ],
  nestedBlockComments: false,
  dollarQuotedStrings: false,
};

/** The mariadb and mysql clients read CR LF as LF even inside a quoted string: hex keeps the CR. */
const NEEDS_HEX = /[\\\r]/;

function stringLiteral(text: string): string {
  assertScriptableText(DIALECT, text);
  return NEEDS_HEX.test(text) ? `_utf8mb4 X'${utf8HexOf(text)}'` : singleQuoted(text);
}
