/**
 * PostgreSQL literals. Every form reads the same with `standard_conforming_strings` on or off:
 * a string holding a backslash is written as `E'...'`, whose escaping does not depend on it.
 *
 * | JavaScript value | PostgreSQL literal | Why |
 * | --- | --- | --- |
 * | `null` | `NULL` | |
 * | `undefined` | error | knex would read it as DEFAULT; sqlgen does not guess |
 * | `true` / `false` | `TRUE` / `FALSE` | |
 * | finite number | `42`, `0.1`, `1e+21` (shortest round-trip form) | numeric literal; converts exactly to float8 |
 * | `-0` | `'-0'::float8` | a numeric literal loses the sign |
 * | `NaN`, `Infinity`, `-Infinity` | `'NaN'::float8`, `'Infinity'::float8`, `'-Infinity'::float8` | float8 holds them |
 * | bigint | `9007199254740993` (exact digits) | numeric literal; up to numeric's 131072 digits |
 * | string without `\` | `'it''s'` | |
 * | string with `\` | `E'C:\\dir'` | right whether standard_conforming_strings is on or off |
 * | string with NUL or a lone surrogate | error | text cannot hold NUL; UTF-8 cannot encode a lone surrogate |
 * | valid `Date` | `'2024-01-02 03:04:05.678+00'` | UTC with an explicit offset; never the machine's time zone |
 * | invalid `Date`, year outside 0001..9999 | error | |
 * | Buffer / Uint8Array | `E'\\x0102ff'::bytea` | bytea hex format, independent of standard_conforming_strings |
 * | array | `'{"1","2"}'`, `'{{"a"},{"b"}}'`, empty `'{}'` | array text: takes the column's array type (int[], timestamptz[], jsonb[], ...) |
 * | ragged array, empty inner array | error | PostgreSQL arrays are rectangular |
 * | plain object | `'{"a":1}'` (JSON text, string rules) | |
 * | Map, class instance, function, symbol, ... | error | no JSON form that would not lose data |
 *
 * Arrays are array text, not `ARRAY[...]`: an `ARRAY['2024-...']` or `ARRAY[NULL]` is text[],
 * which PostgreSQL refuses to store in a timestamptz[], jsonb[] or int[] column.
 */
import type { SqlLexicalSyntax } from '../../compile/inline-bindings.js';
import {
  assertScriptableText,
  hexOf,
  jsonTextOf,
  noLiteral,
  refuseUnsupported,
  renderBigintWithin,
  renderLiteralWith,
  renderNumberWith,
  singleQuoted,
  utcDateTime,
  type ExactIntegerRange,
  type LiteralRenderers,
  type SpecialFloatLiterals,
} from './literal-kind.js';

const DIALECT = 'postgresql';

const SPECIAL_FLOAT_TEXT: SpecialFloatLiterals = {
  NaN: 'NaN',
  Infinity: 'Infinity',
  '-Infinity': '-Infinity',
  '-0': '-0',
};
const SPECIAL_FLOAT_LITERALS: SpecialFloatLiterals = {
  NaN: "'NaN'::float8",
  Infinity: "'Infinity'::float8",
  '-Infinity': "'-Infinity'::float8",
  '-0': "'-0'::float8",
};

/**
 * numeric reads up to 131072 digits before the decimal point. Worked out on first use: the power
 * takes 8 ms, which every run paid when it was done as the module loaded.
 */
let numericIntegers: ExactIntegerRange | undefined;
function numericIntegerRange(): ExactIntegerRange {
  return (numericIntegers ??= { min: -(10n ** 131072n) + 1n, max: 10n ** 131072n - 1n, description: "numeric's 131072 digits" });
}

/**
 * The text each value has in PostgreSQL's own input syntax, as its type's input function (and
 * array_in) reads it. Literals quote it; array text holds it as elements.
 */
const TEXT_FORMS: LiteralRenderers = {
  null: () => 'NULL',
  boolean: (value) => (value ? 'true' : 'false'),
  number: (value) => renderNumberWith(DIALECT, SPECIAL_FLOAT_TEXT, value),
  bigint: (value) => renderBigintWithin(DIALECT, value, numericIntegerRange()),
  string: (value) => value,
  date: (value) => {
    const { date, time } = utcDateTime(DIALECT, value);
    return `${date} ${time}+00`;
  },
  binary: (value) => `\\x${hexOf(value)}`,
  array: (items) => arrayText(items),
  'json-object': (value) => jsonTextOf(DIALECT, value),
  unsupported: refuseUnsupported(DIALECT),
};

const LITERALS: LiteralRenderers = {
  null: () => 'NULL',
  boolean: (value) => (value ? 'TRUE' : 'FALSE'),
  number: (value) => renderNumberWith(DIALECT, SPECIAL_FLOAT_LITERALS, value),
  bigint: (value) => TEXT_FORMS.bigint(value),
  string: (value) => stringLiteral(value),
  date: (value) => stringLiteral(TEXT_FORMS.date(value)),
  binary: (value) => `${stringLiteral(TEXT_FORMS.binary(value))}::bytea`,
  array: (items) => stringLiteral(arrayText(items)),
  'json-object': (value) => stringLiteral(TEXT_FORMS['json-object'](value)),
  unsupported: refuseUnsupported(DIALECT),
};

/**
 * A JavaScript value as a PostgreSQL literal; see the table at the top of this file.
 *
 * @throws LiteralError when the value has no correct PostgreSQL literal.
 * @example
 * renderPostgresqlLiteral("it's") // 'it''s'
 * renderPostgresqlLiteral(-0)     // '-0'::float8
 */
export function renderPostgresqlLiteral(value: unknown): string {
  return renderLiteralWith(LITERALS, value);
}

/** The SQL knex's pg client emits: standard strings, `E'...'`, dollar quotes, nested comments. */
export const POSTGRESQL_SYNTAX: SqlLexicalSyntax = {
  quoted: [
    { open: "E'", close: "'", backslashEscapes: true },
    { open: "'", close: "'", backslashEscapes: false },
    { open: '"', close: '"', backslashEscapes: false },
  ],
  lineComments: [{ open: '--', needsSpaceAfter: false }],
  nestedBlockComments: true,
  dollarQuotedStrings: true,
};

function stringLiteral(text: string): string {
  assertScriptableText(DIALECT, text);
  if (!text.includes('\\')) return singleQuoted(text);
  return `E${singleQuoted(text.replaceAll('\\', '\\\\'))}`;
}

/** `{"a","b"}`: every element quoted, so no element text is read as NULL, a brace or a delimiter. */
function arrayText(items: readonly unknown[]): string {
  assertRectangular(items);
  return `{${items.map(arrayElementText).join(',')}}`;
}

function arrayElementText(item: unknown): string {
  if (item === null) return 'NULL';
  if (Array.isArray(item)) return arrayText(item);
  const text = renderLiteralWith(TEXT_FORMS, item);
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** PostgreSQL arrays are rectangular: sibling sub-arrays have one shape, and none is empty. */
function assertRectangular(items: readonly unknown[]): void {
  const shapes = new Set(items.map((item) => (Array.isArray(item) ? shapeOf(item) : 'scalar')));
  if (shapes.size > 1) {
    throw noLiteral(
      DIALECT,
      `A ragged array (sub-array shapes ${[...shapes].join(' and ')})`,
      'give every sub-array the same length and depth, or store the value as JSON (JSON.stringify it)',
    );
  }
}

function shapeOf(items: readonly unknown[]): string {
  if (items.length === 0) {
    throw noLiteral(
      DIALECT,
      'An empty array inside an array',
      'PostgreSQL has no empty sub-arrays: use an empty array [] for the whole value, or store it as JSON',
    );
  }
  const inner = items.find(Array.isArray) as readonly unknown[] | undefined;
  return inner ? `${items.length}x${shapeOf(inner)}` : String(items.length);
}
