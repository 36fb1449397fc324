/**
 * SQL Server literals. Strings are Unicode (`N'...'`) so that no character depends on the
 * database's code page.
 *
 * | JavaScript value | SQL Server literal | Why |
 * | --- | --- | --- |
 * | `null` | `NULL` | |
 * | `undefined` | error | knex would read it as DEFAULT; sqlgen does not guess |
 * | `true` / `false` | `1` / `0` | bit |
 * | finite number | `42`, `0.1`, `1e+21` (shortest round-trip form) | |
 * | `-0` | `-0e0` | a float expression, which can keep the sign; an integer `-0` cannot |
 * | `NaN`, `Infinity`, `-Infinity` | error | float cannot hold them |
 * | bigint | `9007199254740993` (exact digits) | up to 38 digits, decimal's precision |
 * | string | `N'it''s'` | |
 * | string with `\` before a line break | `(CAST(N'a\' AS nvarchar(max)) + N'<line break>b')` | in a string, backslash + line break is a line continuation that T-SQL removes |
 * | string with NUL or a lone surrogate | error | |
 * | valid `Date` | `'2024-01-02T03:04:05.678+00:00'` | datetimeoffset text in UTC; never the machine's time zone |
 * | invalid `Date`, year outside 0001..9999 | error | |
 * | Buffer / Uint8Array | `0x0102ff` | |
 * | array | error | SQL Server has no arrays; knex would expand them into a list |
 * | plain object | `N'{"a":1}'` (JSON text, string rules) | |
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
  type LiteralRenderers,
  type SpecialFloatLiterals,
} from './literal-kind.js';

const DIALECT = 'mssql';

const SPECIAL_FLOATS: SpecialFloatLiterals = { NaN: null, Infinity: null, '-Infinity': null, '-0': '-0e0' };

const DECIMAL_INTEGERS = { min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n, description: "decimal's 38 digits" };

/** Splits right after a backslash that a line break follows. */
const LINE_CONTINUATION = /(?<=\\)(?=[\r\n])/;

const LITERALS: LiteralRenderers = {
  null: () => 'NULL',
  boolean: (value) => (value ? '1' : '0'),
  number: (value) => renderNumberWith(DIALECT, SPECIAL_FLOATS, value),
  bigint: (value) => renderBigintWithin(DIALECT, value, DECIMAL_INTEGERS),
  string: (value) => stringLiteral(value),
  date: (value) => {
    const { date, time } = utcDateTime(DIALECT, value);
    return `'${date}T${time}+00:00'`;
  },
  binary: (value) => `0x${hexOf(value)}`,
  array: refuseArrays(DIALECT),
  'json-object': (value) => stringLiteral(jsonTextOf(DIALECT, value)),
  unsupported: refuseUnsupported(DIALECT),
};

/**
 * A JavaScript value as a SQL Server literal; see the table at the top of this file.
 *
 * @throws LiteralError when the value has no correct SQL Server literal.
 * @example
 * renderMssqlLiteral("it's") // N'it''s'
 * renderMssqlLiteral(true)   // 1
 */
export function renderMssqlLiteral(value: unknown): string {
  return renderLiteralWith(LITERALS, value);
}

/** The SQL knex's mssql client emits: `[...]` names, `"..."` with QUOTED_IDENTIFIER, nested comments. */
export const MSSQL_SYNTAX: SqlLexicalSyntax = {
  quoted: [
    { open: "'", close: "'", backslashEscapes: false },
    { open: '"', close: '"', backslashEscapes: false },
    { open: '[', close: ']', backslashEscapes: false },
  ],
  lineComments: [{ open: '--', needsSpaceAfter: false }],
  nestedBlockComments: true,
  dollarQuotedStrings: false,
};

function stringLiteral(text: string): string {
  assertScriptableText(DIALECT, text);
  const parts = text.split(LINE_CONTINUATION).map((part) => `N${singleQuoted(part)}`);
  if (parts.length === 1) return parts.join('');
  // Concatenating shorter strings would cut the result at 4000 characters without the max type.
  const [first, ...rest] = parts;
  return `(${[`CAST(${first} AS nvarchar(max))`, ...rest].join(' + ')})`;
}
