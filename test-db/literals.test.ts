// Literals round-tripped through the real servers and their own clients: generated values are
// rendered into batched INSERT scripts (through inlineBindings, as the compiler does), applied
// with psql, mariadb and sqlite3 under each session setting a script must not depend on, and
// read back as text the server computes (hex of the bytes, bits of doubles, epoch milliseconds),
// so that no client-side parsing can hide a difference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineBindings } from '../src/compile/inline-bindings.js';
import type { Dialect } from '../src/dialects/dialect.js';
import { dialectFor } from '../src/dialects/index.js';
import { renderMysqlLiteral } from '../src/dialects/literals/mysql.js';
import { checkProperty, chunks, date, expectSameRows, jsonObject, text } from '../test/dialects/literals/round-trip-helpers.js';
import {
  freshMariadbDatabase,
  freshPostgresDatabase,
  freshSqliteFile,
  utf8Hex,
  type MariadbSession,
  type PostgresSession,
  type TestDatabase,
} from './harness.js';

const RUNS = 10;
const ROWS_PER_RUN = 1000;
const ROWS_PER_INSERT = 500;

/** One column of the round-trip table: its values, and how the server reads them back as text. */
interface Column {
  name: string;
  type: string;
  values: fc.Arbitrary<unknown>;
  /** A server-side expression giving the stored value as exact text. */
  readBack(column: string): string;
  /** What the read-back text says for `value`, after `parse`. */
  expected(value: never): unknown;
  /** Turns the read-back text into what `expected` gives (default: keep the text). */
  parse?(text: string): unknown;
  /** A difference the engine itself makes and the test accepts (counted and logged). */
  tolerates?(actual: unknown, expected: unknown): boolean;
}

/** A column whose `expected` takes the type its values have. */
function column<V>(spec: Omit<Column, 'values' | 'expected'> & { values: fc.Arbitrary<V>; expected(value: V): unknown }): Column {
  return spec as unknown as Column;
}

interface LiteralSuite<S> {
  dialect: Dialect;
  create(): Promise<TestDatabase<S>>;
  /** Each session runs the whole insert script once, into its own id range. */
  sessions: readonly S[];
  /** Settings of the DBA's own session, before the script's preamble (which must override them). */
  dbaSettings: readonly string[];
  columns: readonly Column[];
}

type Values = Record<string, unknown>;

/** What writing the insert script needs of a suite. */
type ScriptSettings = Pick<LiteralSuite<unknown>, 'dialect' | 'dbaSettings' | 'columns'>;

function rowsOf(columns: readonly Column[]): fc.Arbitrary<Values[]> {
  const row = fc.record(Object.fromEntries(columns.map((spec) => [spec.name, fc.option(spec.values, { freq: 10 })])));
  return fc.array(row, { minLength: ROWS_PER_RUN, maxLength: ROWS_PER_RUN });
}

/** One INSERT of many rows, its `?` placeholders filled by the compiler's inlineBindings. */
function insertStatement(suite: ScriptSettings, rows: readonly Values[], firstId: number): string {
  const names = suite.columns.map((spec) => spec.name);
  const tuple = `(${['?', ...names.map(() => '?')].join(', ')})`;
  const template = `INSERT INTO t (id, ${names.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`;
  const bindings = rows.flatMap((row, index) => [firstId + index, ...names.map((name) => row[name] ?? null)]);
  return `${inlineBindings(template, bindings, { renderLiteral: suite.dialect.renderLiteral, syntax: suite.dialect.lexicalSyntax })};`;
}

function insertScript(suite: ScriptSettings, rows: readonly Values[], firstId: number): string {
  const inserts = chunks(rows, ROWS_PER_INSERT).map((batch, index) => insertStatement(suite, batch, firstId + index * ROWS_PER_INSERT));
  return [...suite.dbaSettings, ...suite.dialect.preamble, ...inserts, ''].join('\n');
}

function readBackQuery(columns: readonly Column[]): string {
  const values = columns.map((spec) => `CASE WHEN ${spec.name} IS NULL THEN NULL ELSE ${spec.readBack(spec.name)} END`);
  return `SELECT id, ${values.join(', ')} FROM t ORDER BY id`;
}

/** Inserts `rows` once per session, reads everything back, compares row by row; returns how many values were tolerated. */
async function roundTrip<S>(db: TestDatabase<S>, suite: LiteralSuite<S>, rows: readonly Values[]): Promise<number> {
  await db.applyScript('DELETE FROM t;');
  for (const [index, session] of suite.sessions.entries()) {
    await db.applyScript(insertScript(suite, rows, index * rows.length), { session, timeoutMs: 120_000 });
  }
  const actual = (await db.query(readBackQuery(suite.columns))).map(([id, ...values]) => [
    id,
    ...values.map((value, index) => (value === null || value === undefined ? null : (suite.columns[index]?.parse?.(value) ?? value))),
  ]);
  const expected = suite.sessions.flatMap((_, session) =>
    rows.map((row, index) => [String(session * rows.length + index), ...suite.columns.map((spec) => (row[spec.name] == null ? null : spec.expected(row[spec.name] as never)))]),
  );
  const tolerated = tolerateKnownDifferences(suite.columns, actual, expected);
  expectSameRows(actual, expected, suite.sessions.flatMap(() => rows));
  return tolerated;
}

/** Replaces each actual value a column tolerates with the expected one; returns how many. */
function tolerateKnownDifferences(columns: readonly Column[], actual: unknown[][], expected: unknown[][]): number {
  let tolerated = 0;
  for (const [rowIndex, row] of actual.entries()) {
    for (const [index, spec] of columns.entries()) {
      const want = expected[rowIndex]?.[index + 1];
      if (row[index + 1] !== want && spec.tolerates?.(row[index + 1], want)) {
        row[index + 1] = want;
        tolerated += 1;
      }
    }
  }
  return tolerated;
}

/** RUNS × ROWS_PER_RUN generated rows through every session; logs how long it took. */
async function checkRoundTrips<S>(suite: LiteralSuite<S>): Promise<void> {
  const started = performance.now();
  let tolerated = 0;
  const db = await suite.create();
  try {
    await db.applyScript(`CREATE TABLE t (id integer PRIMARY KEY, ${suite.columns.map((spec) => `${spec.name} ${spec.type}`).join(', ')});`);
    await checkProperty(
      fc.asyncProperty(rowsOf(suite.columns), async (rows) => {
        tolerated += await roundTrip(db, suite, rows);
      }),
      RUNS,
    );
  } finally {
    await db.drop();
  }
  const values = RUNS * ROWS_PER_RUN * suite.columns.length;
  const took = Math.round(performance.now() - started);
  console.info(`${suite.dialect.id}: ${values} generated values x ${suite.sessions.length} session(s) in ${took} ms; ${tolerated} read back within the tolerated difference`);
}

/** The IEEE 754 bits of a double, as PostgreSQL's float8send and SQLite's ieee754_to_blob give them. */
function doubleHex(value: number): string {
  const bytes = Buffer.alloc(8);
  bytes.writeDoubleBE(value);
  return bytes.toString('hex');
}

const bytesHex = (value: Uint8Array) => Buffer.from(value).toString('hex');
const jsonHex = (value: object) => utf8Hex(JSON.stringify(value));
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
/**
 * Strings, a good share of them with CR LF: the mariadb client (without --binary-mode) and the
 * sqlite3 shell read a script's CR LF as LF even inside a string literal, so sqlgen must write
 * such strings in a form that keeps the CR.
 */
const textWithCrLf = fc.oneof(text, text.map((value) => `${value}\r\n${value}`));
/** TIMESTAMP's range in MariaDB 10.11. */
const timestampDate = fc.date({ min: new Date('1970-01-01T00:00:01.000Z'), max: new Date('2038-01-19T03:14:07.999Z'), noInvalidDate: true });

// ---------------------------------------------------------------------------------- PostgreSQL

const pgHex = (expression: string) => `encode(convert_to(${expression}, 'UTF8'), 'hex')`;

const POSTGRES: LiteralSuite<PostgresSession> = {
  dialect: dialectFor('postgresql'),
  create: freshPostgresDatabase,
  // Far-apart time zones: a date literal must name the same instant in each.
  sessions: [
    { standardConformingStrings: true, settings: { TimeZone: 'Pacific/Kiritimati' } },
    { standardConformingStrings: false, settings: { TimeZone: 'America/St_Johns' } },
  ],
  dbaSettings: [],
  columns: [
    column({ name: 'txt', type: 'text', values: text, readBack: pgHex, expected: utf8Hex }),
    column({ name: 'bin', type: 'bytea', values: fc.uint8Array({ maxLength: 24 }), readBack: (c) => `encode(${c}, 'hex')`, expected: bytesHex }),
    column({ name: 'dbl', type: 'float8', values: fc.double(), readBack: (c) => `encode(float8send(${c}), 'hex')`, expected: doubleHex }),
    column({ name: 'i8', type: 'bigint', values: int64, readBack: (c) => `${c}::text`, expected: String }),
    column({ name: 'num', type: 'numeric', values: fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }), readBack: (c) => `${c}::text`, expected: String }),
    column({ name: 'flag', type: 'boolean', values: fc.boolean(), readBack: (c) => `${c}::text`, expected: String }),
    column({ name: 'ts', type: 'timestamptz', values: date, readBack: (c) => `(extract(epoch FROM ${c}) * 1000)::bigint::text`, expected: (value) => String(value.getTime()) }),
    // json (not jsonb) keeps its input text, so the bytes can be compared.
    column({ name: 'js', type: 'json', values: jsonObject, readBack: (c) => pgHex(`${c}::text`), expected: jsonHex }),
    column({
      name: 'texts',
      type: 'text[]',
      values: fc.array(fc.option(text), { maxLength: 4 }),
      readBack: (c) => `cardinality(${c}) || ':' || coalesce((SELECT string_agg(coalesce(${pgHex('x')}, 'NULL'), ',' ORDER BY n) FROM unnest(${c}) WITH ORDINALITY AS u(x, n)), '')`,
      expected: (value) => `${value.length}:${value.map((item) => (item === null ? 'NULL' : utf8Hex(item))).join(',')}`,
    }),
  ],
};

describe('PostgreSQL literals through psql', () => {
  it(`round-trip ${RUNS * ROWS_PER_RUN} generated rows, standard_conforming_strings on and off`, () => checkRoundTrips(POSTGRES), 180_000);
});

// -------------------------------------------------------------------------------------- MariaDB

const mariadbHex = (expression: string) => `LOWER(HEX(${expression}))`;

const MARIADB: LiteralSuite<MariadbSession> = {
  dialect: dialectFor('mysql'),
  create: freshMariadbDatabase,
  sessions: [{ noBackslashEscapes: true }, { noBackslashEscapes: false }],
  // A DBA whose session is not in UTC: the preamble's SET time_zone must win.
  dbaSettings: ["SET time_zone = '-07:00';"],
  columns: [
    // The character count shows the value is text in utf8mb4, not bytes.
    column({
      name: 'txt',
      type: 'TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin',
      values: textWithCrLf,
      readBack: (c) => `CONCAT(CHAR_LENGTH(${c}), ':', ${mariadbHex(c)})`,
      expected: (value) => `${[...value].length}:${utf8Hex(value)}`,
    }),
    column({ name: 'bin', type: 'VARBINARY(64)', values: fc.uint8Array({ maxLength: 24 }), readBack: mariadbHex, expected: bytesHex }),
    // The client prints 17 significant digits at most, enough to tell every double apart. A
    // DOUBLE column stores -0 as +0 (see the test below), and has no NaN or Infinity.
    column({
      name: 'dbl',
      type: 'DOUBLE',
      values: fc.double({ noNaN: true, noDefaultInfinity: true }),
      readBack: (c) => c,
      expected: (value) => (value === 0 ? 0 : value),
      parse: Number,
    }),
    column({ name: 'i8', type: 'BIGINT', values: int64, readBack: (c) => c, expected: String }),
    column({ name: 'num', type: 'DECIMAL(65, 0)', values: fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }), readBack: (c) => c, expected: String }),
    column({ name: 'flag', type: 'BOOLEAN', values: fc.boolean(), readBack: (c) => c, expected: (value) => (value ? '1' : '0') }),
    column({
      name: 'dt',
      type: 'DATETIME(3)',
      values: date,
      readBack: (c) => `DATE_FORMAT(${c}, '%Y-%m-%dT%H:%i:%s.%f')`,
      expected: (value) => `${value.toISOString().slice(0, 23)}000`,
    }),
    // UNIX_TIMESTAMP reads the instant whatever the reading session's time zone.
    column({
      name: 'ts',
      type: 'TIMESTAMP(3) NULL',
      values: timestampDate,
      readBack: (c) => `UNIX_TIMESTAMP(${c})`,
      expected: (value) => `${Math.floor(value.getTime() / 1000)}.${String(value.getTime() % 1000).padStart(3, '0')}`,
    }),
    column({ name: 'js', type: 'JSON', values: jsonObject, readBack: mariadbHex, expected: jsonHex }),
  ],
};

describe('MySQL literals through mariadb', () => {
  it(`round-trip ${RUNS * ROWS_PER_RUN} generated rows, NO_BACKSLASH_ESCAPES on and off`, () => checkRoundTrips(MARIADB), 180_000);

  it.each([true, false])('write strings with backslashes as _utf8mb4 X\'..\' text that compares equal (NO_BACKSLASH_ESCAPES %s)', async (noBackslashEscapes) => {
    const values = ['\\', 'C:\\dir\\file.txt', 'a\\nb', "it\\'s", '\\%\\_', 'é\\😀', '\\\\\\', 'end\\'];
    const literals = values.map(renderMysqlLiteral);
    for (const literal of literals) expect(literal).toMatch(/^_utf8mb4 X'[0-9a-f]+'$/);
    const db = await freshMariadbDatabase();
    try {
      const collations = ['utf8mb4_general_ci', 'utf8mb4_bin', 'utf8mb4_unicode_ci'];
      const columns = collations.map((collation, index) => `c${index} TEXT CHARACTER SET utf8mb4 COLLATE ${collation}`);
      const inserts = literals.map((literal, id) => `INSERT INTO s VALUES (${id}, ${collations.map(() => literal).join(', ')}, CHARSET(${literal}));`);
      const checks = literals.map((literal, id) => `INSERT INTO equal SELECT id, ${collations.map((_, index) => `c${index} = ${literal}`).join(' AND ')} FROM s WHERE id = ${id};`);
      await db.applyScript(
        [`CREATE TABLE s (id INT PRIMARY KEY, ${columns.join(', ')}, literal_charset VARCHAR(20));`, 'CREATE TABLE equal (id INT PRIMARY KEY, same BOOLEAN);', ...inserts, ...checks].join('\n'),
        { session: { noBackslashEscapes } },
      );
      const rows = await db.query(`SELECT s.id, CHAR_LENGTH(c0), ${mariadbHex('c0')}, ${mariadbHex('c1')}, ${mariadbHex('c2')}, literal_charset, same FROM s JOIN equal ON equal.id = s.id ORDER BY s.id`);
      expect(rows).toEqual(values.map((value, id) => [String(id), String([...value].length), ...collations.map(() => utf8Hex(value)), 'utf8mb4', '1']));
    } finally {
      await db.drop();
    }
  });

  it('write -0 as -0e0, a negative zero as an expression; DOUBLE and FLOAT columns store +0', async () => {
    const negativeZero = renderMysqlLiteral(-0);
    expect(negativeZero).toBe('-0e0');
    const db = await freshMariadbDatabase();
    try {
      await db.applyScript(`CREATE TABLE z (d DOUBLE, f FLOAT);\nINSERT INTO z VALUES (${negativeZero}, ${negativeZero});`);
      // ATAN2(0, x) is pi for x = -0 and 0 for x = +0: the only way to see the sign in SQL.
      const [row] = await db.query(`SELECT ATAN2(0e0, ${negativeZero}), ATAN2(0e0, d), ATAN2(0e0, f), d FROM z`);
      expect(row).toEqual([String(Math.PI), '0', '0', '0']);
    } finally {
      await db.drop();
    }
  });

  it("needs the preamble's SET time_zone: without it a TIMESTAMP reads the text in the session's zone", async () => {
    // TIMESTAMP's first and last instants, and one between that stays in range when shifted.
    const [first, middle, last] = ['1970-01-01T00:00:01.000Z', '2024-02-29T12:34:56.789Z', '2038-01-19T03:14:07.999Z'].map((iso) => new Date(iso)) as [Date, Date, Date];
    const row = (id: number, instant: Date) => `(${id}, ${renderMysqlLiteral(instant)}, ${renderMysqlLiteral(instant)})`;
    const db = await freshMariadbDatabase();
    try {
      await db.applyScript('CREATE TABLE d (id INT PRIMARY KEY, ts TIMESTAMP(3) NULL, dt DATETIME(3));');
      const dbaSession = "SET time_zone = '+05:00';";
      await db.applyScript([dbaSession, ...dialectFor('mysql').preamble, `INSERT INTO d VALUES ${row(1, first)}, ${row(2, middle)}, ${row(3, last)};`].join('\n'));
      await db.applyScript([dbaSession, `INSERT INTO d VALUES ${row(4, middle)};`].join('\n'));
      const rows = await db.query(`SELECT id, UNIX_TIMESTAMP(ts) * 1000, DATE_FORMAT(dt, '%Y-%m-%dT%H:%i:%s.%f') FROM d ORDER BY id`);
      const datetime = (instant: Date) => `${instant.toISOString().slice(0, 23)}000`;
      expect(rows.map(([id, epoch, text]) => [Number(id), Number(epoch), text])).toEqual([
        [1, first.getTime(), datetime(first)],
        [2, middle.getTime(), datetime(middle)],
        [3, last.getTime(), datetime(last)],
        // Read in +05:00, the same text names an instant five hours earlier.
        [4, middle.getTime() - 5 * 3600_000, datetime(middle)],
      ]);
    } finally {
      await db.drop();
    }
  });
});

// --------------------------------------------------------------------------------------- SQLite

const sqliteTyped = (c: string, value: string) => `typeof(${c}) || ':' || ${value}`;

/**
 * SQLite's own decimal-to-double conversion is not always correctly rounded: sqlite3 3.40 reads
 * about one in 200 shortest round-trip decimals one unit in the last place off (e.g.
 * 0.00004674806594848632), whatever the literal. No decimal literal can do better, so the test
 * accepts one ULP, and nothing more, between the bits of doubles of the same sign.
 */
function withinOneUlp(actual: unknown, expected: unknown): boolean {
  if (typeof actual !== 'string' || typeof expected !== 'string' || actual.length !== 16 || expected.length !== 16) return false;
  const distance = BigInt.asIntN(64, BigInt(`0x${actual}`)) - BigInt.asIntN(64, BigInt(`0x${expected}`));
  return distance === 1n || distance === -1n;
}

const SQLITE: LiteralSuite<Record<string, never>> = {
  dialect: dialectFor('sqlite'),
  create: freshSqliteFile,
  sessions: [{}],
  dbaSettings: [],
  columns: [
    column({ name: 'txt', type: 'TEXT', values: textWithCrLf, readBack: (c) => sqliteTyped(c, `lower(hex(${c}))`), expected: (value) => `text:${utf8Hex(value)}` }),
    column({ name: 'bin', type: 'BLOB', values: fc.uint8Array({ maxLength: 24 }), readBack: (c) => sqliteTyped(c, `lower(hex(${c}))`), expected: (value) => `blob:${bytesHex(value)}` }),
    // A REAL column stores an integral real as an integer, and an integer has no -0.
    column({
      name: 'dbl',
      type: 'REAL',
      values: fc.double({ noNaN: true }),
      readBack: (c) => `lower(hex(ieee754_to_blob(${c})))`,
      expected: (value) => doubleHex(value === 0 ? 0 : value),
      tolerates: withinOneUlp,
    }),
    // No type, no affinity: the value stays as the literal made it, -0.0 included.
    column({
      name: 'untyped',
      type: '',
      values: fc.double({ noNaN: true }),
      readBack: (c) => `lower(hex(ieee754_to_blob(${c})))`,
      expected: doubleHex,
      tolerates: withinOneUlp,
    }),
    column({ name: 'i8', type: 'INTEGER', values: int64, readBack: (c) => sqliteTyped(c, c), expected: (value) => `integer:${value}` }),
    column({ name: 'flag', type: 'INTEGER', values: fc.boolean(), readBack: (c) => c, expected: (value) => (value ? '1' : '0') }),
    // strftime gives the text back only if SQLite's date functions read it.
    column({
      name: 'ts',
      type: 'TEXT',
      values: date,
      readBack: (c) => `${c} || '|' || strftime('%Y-%m-%dT%H:%M:%fZ', ${c})`,
      expected: (value) => `${value.toISOString()}|${value.toISOString()}`,
    }),
    column({ name: 'js', type: 'TEXT', values: jsonObject, readBack: (c) => `json_valid(${c}) || ':' || lower(hex(${c}))`, expected: (value) => `1:${jsonHex(value)}` }),
  ],
};

describe('SQLite literals through sqlite3', () => {
  it(`round-trip ${RUNS * ROWS_PER_RUN} generated rows`, () => checkRoundTrips(SQLITE), 180_000);
});
