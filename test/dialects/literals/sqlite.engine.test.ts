/**
 * SQLite literals round-tripped through a real engine (sql.js, SQLite compiled to wasm):
 * rendered, inlined into INSERT scripts, run, and read back exactly.
 */
import fc from 'fast-check';
import initSqlJs, { type Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineBindings } from '../../../src/compile/inline-bindings.js';
import { SQLITE_SYNTAX, renderSqliteLiteral } from '../../../src/dialects/literals/sqlite.js';
import { checkProperty, chunks, date, expectSameRows, jsonObject, text } from './round-trip-helpers.js';

const dialect = { renderLiteral: renderSqliteLiteral, syntax: SQLITE_SYNTAX };

let db: Database;
beforeAll(async () => {
  const SQL = await initSqlJs();
  db = new SQL.Database();
  // `untyped` has no affinity, so it keeps every value as written (a REAL column turns -0.0 into 0).
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, txt TEXT, bin BLOB, dbl REAL, untyped, i8 INTEGER, flag INTEGER, ts TEXT, js TEXT)');
});
afterAll(() => db.close());

type Column = 'txt' | 'bin' | 'dbl' | 'untyped' | 'i8' | 'flag' | 'ts' | 'js';
type Row = Partial<Record<Column, unknown>>;
const COLUMNS: readonly Column[] = ['txt', 'bin', 'dbl', 'untyped', 'i8', 'flag', 'ts', 'js'];

/** Each column as read back, in a form that compares exactly (bigints and dates as text). */
const READ_BACK: Record<Column, string> = {
  txt: 'txt',
  bin: 'CASE WHEN bin IS NOT NULL THEN lower(hex(bin)) END',
  dbl: 'dbl',
  untyped: 'untyped',
  i8: 'CAST(i8 AS TEXT)',
  flag: 'flag',
  // strftime re-renders the text only if SQLite's date functions read it.
  ts: "ts || '|' || strftime('%Y-%m-%dT%H:%M:%fZ', ts)",
  js: "js || '|' || json_valid(js)",
};

const EXPECTED: Record<Column, (value: never) => unknown> = {
  txt: (value: string) => value,
  bin: (value: Uint8Array) => Buffer.from(value).toString('hex'),
  // A REAL column stores an integral real as an integer, and an integer has no -0.
  dbl: (value: number) => (value === 0 ? 0 : value),
  untyped: (value: number) => value,
  i8: (value: bigint) => value.toString(),
  flag: (value: boolean) => (value ? 1 : 0),
  ts: (value: Date) => `${value.toISOString()}|${value.toISOString()}`,
  js: (value: object) => `${JSON.stringify(value)}|1`,
};

function insertScript(rows: readonly Row[], firstId: number): string {
  const tuple = `(${['?', ...COLUMNS.map(() => '?')].join(', ')})`;
  const template = `INSERT INTO t (id, ${COLUMNS.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`;
  const bindings = rows.flatMap((row, index) => [firstId + index, ...COLUMNS.map((column) => row[column] ?? null)]);
  return inlineBindings(template, bindings, dialect);
}

function roundTrip(rows: readonly Row[], batchSize = 500): { expected: unknown[]; actual: unknown[] } {
  const inserts = chunks(rows, batchSize).map((batch, index) => `${insertScript(batch, index * batchSize)};`);
  db.exec(['DELETE FROM t;', ...inserts].join('\n'));
  const [result] = db.exec(`SELECT ${COLUMNS.map((column) => READ_BACK[column]).join(', ')} FROM t ORDER BY id`);
  const actual = (result?.values ?? []).map((values) => Object.fromEntries(COLUMNS.map((column, index) => [column, values[index] ?? null])));
  const expected = rows.map((row) => Object.fromEntries(COLUMNS.map((column) => [column, expectedValue(column, row[column])])));
  return { expected, actual };
}

function expectedValue(column: Column, value: unknown): unknown {
  return value === undefined || value === null ? null : EXPECTED[column](value as never);
}

describe('SQLite literals on sql.js', () => {
  it('round-trips every kind of value exactly', () => {
    const rows: Row[] = [
      { txt: "it's", bin: Buffer.alloc(0), dbl: -0, untyped: -0, i8: 2n ** 63n - 1n, flag: true, ts: new Date('0001-01-01T00:00:00.000Z') },
      { txt: 'C:\\dir\\ \\x41 \\n \\?', bin: Buffer.from([0, 0x27, 0x5c, 0xff]), dbl: Infinity, untyped: -Infinity, i8: -(2n ** 63n), flag: false, ts: new Date('9999-12-31T23:59:59.999Z') },
      { txt: "control \n\r\t\x1a\x1b\x7f and ' '' ? -- /* */ [x] `y`", dbl: 5e-324, untyped: 1e21, i8: 9007199254740993n, js: { quote: "it's", backslash: 'a\\b', list: [1, null, 'x'] } },
      { txt: 'é ü ß 😀 𝄞 \u{10FFFF} \uFEFF', dbl: 1.7976931348623157e308, untyped: 0.1, js: {} },
      { txt: '', dbl: 2 ** 62, untyped: 2 ** 63, i8: 0n },
    ];
    const { expected, actual } = roundTrip(rows);
    expect(actual).toEqual(expected);
  });

  it('keeps -0 and the type of each number in an untyped column', () => {
    db.exec(`DELETE FROM t; INSERT INTO t (id, untyped) VALUES (1, ${renderSqliteLiteral(-0)}), (2, ${renderSqliteLiteral(3)}), (3, ${renderSqliteLiteral(3.5)})`);
    const [result] = db.exec('SELECT untyped, typeof(untyped) FROM t ORDER BY id');
    expect(result?.values).toEqual([[-0, 'real'], [3, 'integer'], [3.5, 'real']]);
    expect(Object.is(result?.values[0]?.[0], -0)).toBe(true);
  });
});

const row: fc.Arbitrary<Row> = fc.record({
  txt: text,
  bin: fc.uint8Array({ maxLength: 24 }),
  // SQLite stores NaN as NULL, so the renderer refuses it (see the unit tests).
  dbl: fc.double({ noNaN: true }),
  untyped: fc.double({ noNaN: true }),
  i8: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  flag: fc.boolean(),
  ts: date,
  js: jsonObject,
});

describe('SQLite literals, property-based on sql.js', () => {
  const RUNS = 10;
  const ROWS_PER_RUN = 1000;

  it(`round-trips ${RUNS * ROWS_PER_RUN} generated rows of 8 values each`, async () => {
    const started = performance.now();
    const property = fc.property(fc.array(row, { minLength: ROWS_PER_RUN, maxLength: ROWS_PER_RUN }), (rows) => {
      const { expected, actual } = roundTrip(rows);
      expectSameRows(actual, expected, rows);
    });
    await checkProperty(property, RUNS);
    console.info(`SQLite property test: ${RUNS * ROWS_PER_RUN} rows in ${Math.round(performance.now() - started)} ms`);
  }, 120_000);
});
