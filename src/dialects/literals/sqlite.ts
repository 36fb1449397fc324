/**
 * SQLite literals. SQLite strings have no backslash escapes, so `''` doubling is all there is.
 *
 * | JavaScript value | SQLite literal | Why |
 * | --- | --- | --- |
 * | `null` | `NULL` | |
 * | `undefined` | error | knex would read it as DEFAULT; sqlgen does not guess |
 * | `true` / `false` | `1` / `0` | SQLite has no boolean type |
 * | finite number | `42`, `0.1`, `1e+21` (shortest round-trip form) | |
 * | `-0` | `-0.0` | kept in untyped columns; a REAL column stores it as integer 0 and reads back 0 |
 * | `Infinity`, `-Infinity` | `9e999`, `-9e999` | SQLite reads an overflowing real as ±Infinity |
 * | `NaN` | error | SQLite stores NaN as NULL |
 * | bigint | `9007199254740993` (exact digits) | only within 64 bits; beyond that SQLite reads a REAL |
 * | string | `'it''s'` | |
 * | string with a carriage return | `CAST(X'610d0a62' AS TEXT)` | the sqlite3 shell turns CR LF into LF inside quotes |
 * | string with NUL or a lone surrogate | error | SQLite text functions stop at NUL; UTF-8 cannot encode a lone surrogate |
 * | valid `Date` | `'2024-01-02T03:04:05.678Z'` | ISO 8601 text in UTC, which SQLite's date functions read |
 * | invalid `Date`, year outside 0001..9999 | error | |
 * | Buffer / Uint8Array | `X'0102ff'` | a BLOB |
 * | array | error | SQLite has no arrays; knex would expand them into a list |
 * | plain object | `'{"a":1}'` (JSON text) | |
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

const DIALECT = 'sqlite';

const SPECIAL_FLOATS: SpecialFloatLiterals = { NaN: null, Infinity: '9e999', '-Infinity': '-9e999', '-0': '-0.0' };

const INTEGERS = { min: -(2n ** 63n), max: 2n ** 63n - 1n, description: 'the 64-bit integer range' };

const LITERALS: LiteralRenderers = {
  null: () => 'NULL',
  boolean: (value) => (value ? '1' : '0'),
  number: (value) => renderNumberWith(DIALECT, SPECIAL_FLOATS, value),
  bigint: (value) => renderBigintWithin(DIALECT, value, INTEGERS),
  string: (value) => stringLiteral(value),
  date: (value) => {
    const { date, time } = utcDateTime(DIALECT, value);
    return `'${date}T${time}Z'`;
  },
  binary: (value) => `X'${hexOf(value)}'`,
  array: refuseArrays(DIALECT),
  'json-object': (value) => stringLiteral(jsonTextOf(DIALECT, value)),
  unsupported: refuseUnsupported(DIALECT),
};

/**
 * A JavaScript value as a SQLite literal; see the table at the top of this file.
 *
 * @throws LiteralError when the value has no correct SQLite literal.
 * @example
 * renderSqliteLiteral(true)     // 1
 * renderSqliteLiteral(Infinity) // 9e999
 */
export function renderSqliteLiteral(value: unknown): string {
  return renderLiteralWith(LITERALS, value);
}

/** The SQL knex's sqlite3 client emits: it quotes names with backticks; SQLite also reads `"` and `[...]`. */
export const SQLITE_SYNTAX: SqlLexicalSyntax = {
  quoted: [
    { open: "'", close: "'", backslashEscapes: false },
    { open: '"', close: '"', backslashEscapes: false },
    { open: '`', close: '`', backslashEscapes: false },
    { open: '[', close: ']', backslashEscapes: false },
  ],
  lineComments: [{ open: '--', needsSpaceAfter: false }],
  nestedBlockComments: false,
  dollarQuotedStrings: false,
};

function stringLiteral(text: string): string {
  assertScriptableText(DIALECT, text);
  // The sqlite3 shell reads CR LF as LF even inside a quoted string; UTF-8 hex cast to text keeps the CR.
  return text.includes('\r') ? `CAST(X'${utf8HexOf(text)}' AS TEXT)` : singleQuoted(text);
}
