/**
 * What every dialect's literal renderer shares: sorting a JavaScript value into a
 * {@link LiteralKind}, and the checks and refusals that do not depend on the dialect.
 *
 * Each dialect file maps every kind to a renderer ({@link LiteralRenderers}); a new kind
 * without a renderer in every dialect does not compile.
 */
import { LiteralError } from '../../errors.js';
import type { DialectId } from '../dialect-id.js';

/** The JavaScript type each kind of literal is rendered from. */
export interface LiteralKinds {
  null: null;
  boolean: boolean;
  number: number;
  bigint: bigint;
  string: string;
  date: Date;
  /** Buffer or any other Uint8Array. */
  binary: Uint8Array;
  array: readonly unknown[];
  /** An object whose prototype is Object.prototype or null: rendered as JSON text. */
  'json-object': object;
  /** undefined, functions, symbols, Map, class instances, other typed arrays, ... */
  unsupported: unknown;
}
export type LiteralKind = keyof LiteralKinds;

/** One renderer per kind of value. */
export type LiteralRenderers = { readonly [K in LiteralKind]: (value: LiteralKinds[K]) => string };

const DIALECT_NAMES = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  sqlite: 'SQLite',
  mssql: 'SQL Server',
} as const satisfies Record<DialectId, string>;

/**
 * The kind of literal a value asks for.
 *
 * @example
 * classifyLiteral(Buffer.from('x')) // 'binary'
 * classifyLiteral(new Map())        // 'unsupported'
 */
export function classifyLiteral(value: unknown): LiteralKind {
  if (value === null) return 'null';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'bigint' || type === 'string') return type;
  return type === 'object' ? classifyObject(value as object) : 'unsupported';
}

function classifyObject(value: object): LiteralKind {
  if (value instanceof Date) return 'date';
  if (value instanceof Uint8Array) return 'binary';
  if (Array.isArray(value)) return 'array';
  return isPlainObject(value) ? 'json-object' : 'unsupported';
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Renders `value` with the renderer of its kind. */
export function renderLiteralWith(renderers: LiteralRenderers, value: unknown): string {
  // classifyLiteral picked the kind from the value itself, so the value fits that renderer.
  const render = renderers[classifyLiteral(value)] as (value: unknown) => string;
  return render(value);
}

/** A LiteralError that names the value and the dialect. */
export function noLiteral(dialect: DialectId, what: string, hint: string): LiteralError {
  return new LiteralError(`${what} has no ${DIALECT_NAMES[dialect]} literal`, hint);
}

/** The `array` renderer of a dialect without arrays, where knex would expand one into a list. */
export function refuseArrays(dialect: DialectId): (items: readonly unknown[]) => never {
  return () => {
    throw noLiteral(dialect, 'An array', 'for a JSON column pass JSON.stringify(value); for IN lists use whereIn, which makes one binding per item');
  };
}

/** The `unsupported` renderer of every dialect. */
export function refuseUnsupported(dialect: DialectId): (value: unknown) => never {
  return (value) => {
    throw unsupportedValue(dialect, value);
  };
}

function unsupportedValue(dialect: DialectId, value: unknown): LiteralError {
  if (value === undefined) {
    return noLiteral(
      dialect,
      'undefined',
      'knex would read undefined as DEFAULT and sqlgen does not guess: pass null for NULL, or leave the column out to get its default',
    );
  }
  return noLiteral(
    dialect,
    describeValue(value),
    'pass a string, number, bigint, boolean, Date, Buffer/Uint8Array, null, a plain object (stored as JSON) or, for PostgreSQL, an array; convert other values yourself first',
  );
}

function describeValue(value: unknown): string {
  if (value === undefined || typeof value === 'number') return String(value);
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`;
  const constructorName: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof constructorName === 'string' && constructorName !== '' ? `a ${constructorName} object` : 'an object';
}

/**
 * Refuses text that a UTF-8 script cannot carry into a text column: NUL (PostgreSQL text cannot
 * hold it, other engines truncate at it in places) and lone UTF-16 surrogates (no UTF-8 form).
 */
export function assertScriptableText(dialect: DialectId, text: string): void {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw noLiteral(
      dialect,
      `A string with a NUL character (U+0000, at index ${nul})`,
      'remove the NUL character, or store the value as binary (a Buffer) in a binary column',
    );
  }
  const surrogate = /\p{Surrogate}/u.exec(text);
  if (surrogate) {
    const codeUnit = surrogate[0].charCodeAt(0).toString(16).toUpperCase();
    throw noLiteral(
      dialect,
      `A string with a lone UTF-16 surrogate (U+${codeUnit}, at index ${surrogate.index}), which UTF-8 cannot encode,`,
      'the string is not valid Unicode: repair it (String.prototype.toWellFormed() replaces lone surrogates with U+FFFD) or store its bytes as binary',
    );
  }
}

/** `'text'` with each quote doubled: the one string form every dialect reads the same way. */
export function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function utf8HexOf(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex');
}

/** The IEEE 754 values that a plain decimal literal cannot express. */
export type SpecialFloat = 'NaN' | 'Infinity' | '-Infinity' | '-0';

/** Each dialect's form for a {@link SpecialFloat}, or null where the dialect has none. */
export type SpecialFloatLiterals = Readonly<Record<SpecialFloat, string | null>>;

function specialFloatOf(value: number): SpecialFloat | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return Object.is(value, -0) ? '-0' : undefined;
}

/**
 * A number as the shortest decimal that reads back as the same double (`String(n)`, which
 * may use exponent form such as `1e+21`), or the dialect's form for a {@link SpecialFloat}.
 */
export function renderNumberWith(dialect: DialectId, specials: SpecialFloatLiterals, value: number): string {
  const special = specialFloatOf(value);
  if (special === undefined) return String(value);
  const literal = specials[special];
  if (literal === null) {
    throw noLiteral(dialect, `The number ${special}`, 'store NULL or a sentinel value instead, or keep the value in a text column');
  }
  return literal;
}

/** The bigints a dialect reads exactly, and how to say so in a message. */
export interface ExactIntegerRange {
  min: bigint;
  max: bigint;
  description: string;
}

/** A bigint as exact digits, refused where the dialect would read it as an approximate number. */
export function renderBigintWithin(dialect: DialectId, value: bigint, range: ExactIntegerRange): string {
  if (value < range.min || value > range.max) {
    const digits = value.toString().replace('-', '').length;
    throw noLiteral(
      dialect,
      `A bigint of ${digits} digits (outside ${range.description})`,
      'the dialect would read it as an approximate number or refuse it: store it as text (String(value)) instead',
    );
  }
  return value.toString();
}

/** The UTC calendar date and time of `date`, e.g. `{ date: '2024-01-02', time: '03:04:05.678' }`. */
export function utcDateTime(dialect: DialectId, date: Date): { date: string; time: string } {
  if (Number.isNaN(date.getTime())) {
    throw noLiteral(dialect, 'An invalid Date', 'check how the Date was built: new Date(text) gives an invalid Date when it cannot parse the text');
  }
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) {
    throw noLiteral(dialect, `A Date in year ${year} (outside 0001..9999)`, 'use a date between 0001-01-01 and 9999-12-31 UTC');
  }
  // In 0001..9999 toISOString() is always `YYYY-MM-DDTHH:mm:ss.sssZ`, in UTC.
  const [day = '', time = ''] = date.toISOString().slice(0, -1).split('T');
  return { date: day, time };
}

/** JSON text for a plain object, refused when JSON.stringify would silently change it. */
export function jsonTextOf(dialect: DialectId, value: object): string {
  assertJsonValue(dialect, value, '$', []);
  return JSON.stringify(value);
}

function assertJsonValue(dialect: DialectId, value: unknown, path: string, ancestors: readonly object[]): void {
  const kind = classifyLiteral(value);
  if (kind === 'null' || kind === 'boolean' || kind === 'string') return;
  if (kind === 'number' && Number.isFinite(value)) return;
  if (kind === 'array' || kind === 'json-object') {
    assertJsonContainer(dialect, value as object, path, ancestors);
    return;
  }
  throw noLiteral(
    dialect,
    `A plain object holding ${describeValue(value)} at ${path}`,
    'JSON holds only null, booleans, finite numbers, strings, arrays and plain objects: convert the value first (dates with toISOString(), bigints with String())',
  );
}

function assertJsonContainer(dialect: DialectId, container: object, path: string, ancestors: readonly object[]): void {
  if (ancestors.includes(container)) {
    throw noLiteral(dialect, `A plain object that contains itself at ${path}`, 'JSON cannot hold a cycle: break it before passing the value');
  }
  const inside = [...ancestors, container];
  if (Array.isArray(container)) {
    // entries() visits holes too, as undefined: JSON.stringify would write them as null.
    for (const [index, item] of container.entries()) assertJsonValue(dialect, item, `${path}[${index}]`, inside);
    return;
  }
  // JSON.stringify leaves out keys whose value is undefined; JSON has no undefined to lose.
  for (const [key, item] of Object.entries(container)) {
    if (item !== undefined) assertJsonValue(dialect, item, `${path}.${key}`, inside);
  }
}
