/**
 * PostgreSQL literals round-tripped through a real engine (PGlite, PostgreSQL compiled to wasm):
 * rendered, inlined into INSERT scripts, run with standard_conforming_strings on and off, and
 * read back as text so that no client-side parsing can hide a difference.
 */
import type { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineBindings } from '../../../src/compile/inline-bindings.js';
import { POSTGRESQL_SYNTAX, renderPostgresqlLiteral } from '../../../src/dialects/literals/postgresql.js';
import { freshPglite } from '../../helpers/pglite.js';
import { checkProperty, chunks, date, expectSameRows, jsonObject, text } from './round-trip-helpers.js';

const dialect = { renderLiteral: renderPostgresqlLiteral, syntax: POSTGRESQL_SYNTAX };
const MODES = ['on', 'off'] as const;

let db: PGlite;
beforeAll(async () => {
  db = await freshPglite();
  await db.exec(`CREATE TABLE t (
    id int PRIMARY KEY, txt text, bin bytea, dbl float8, i8 bigint, num numeric, flag boolean,
    ts timestamptz, js jsonb, texts text[], ints int[], tss timestamptz[], docs jsonb[], grid int[][]
  )`);
}, 60_000);
afterAll(async () => db.close());

type Column = 'txt' | 'bin' | 'dbl' | 'i8' | 'num' | 'flag' | 'ts' | 'js' | 'texts' | 'ints' | 'tss' | 'docs' | 'grid';

/** Each column read back as text (or JSON of text), independent of PGlite's own type parsers. */
const READ_BACK: Record<Column, string> = {
  txt: 'txt',
  bin: "encode(bin, 'hex')",
  dbl: 'dbl::text',
  i8: 'i8::text',
  num: 'num::text',
  flag: 'flag::text',
  ts: `to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  js: 'js::text',
  texts: 'array_to_json(texts)::text',
  ints: 'array_to_json(ints)::text',
  tss: `CASE WHEN tss IS NOT NULL THEN coalesce((SELECT json_agg(to_char(x AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text FROM unnest(tss) x), '[]') END`,
  docs: 'array_to_json(docs)::text',
  grid: 'array_to_json(grid)::text',
};

/** What a value reads back as, in the form READ_BACK gives. */
const EXPECTED: Record<Column, (value: never) => unknown> = {
  txt: (value: string) => value,
  bin: (value: Uint8Array) => Buffer.from(value).toString('hex'),
  dbl: (value: number) => value,
  i8: (value: bigint) => value.toString(),
  num: (value: bigint) => value.toString(),
  flag: (value: boolean) => String(value),
  ts: (value: Date) => value.toISOString(),
  js: (value: object) => JSON.parse(JSON.stringify(value)) as unknown,
  texts: (value: unknown[]) => value,
  ints: (value: unknown[]) => value,
  tss: (value: (Date | null)[]) => value.map((date) => date?.toISOString() ?? null),
  docs: (value: object[]) => JSON.parse(JSON.stringify(value)) as unknown,
  grid: (value: unknown[]) => value,
};

const PARSE_READ_BACK: Partial<Record<Column, (text: string) => unknown>> = {
  dbl: Number,
  js: JSON.parse,
  texts: JSON.parse,
  ints: JSON.parse,
  tss: JSON.parse,
  docs: JSON.parse,
  grid: JSON.parse,
};

type Row = Partial<Record<Column, unknown>>;

/** One INSERT of many rows, its `?` placeholders filled by inlineBindings. */
function insertScript(rows: readonly Row[], firstId: number, columns: readonly Column[]): string {
  const tuple = `(${['?', ...columns.map(() => '?')].join(', ')})`;
  const template = `INSERT INTO t (id, ${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`;
  const bindings = rows.flatMap((row, index) => [firstId + index, ...columns.map((column) => row[column] ?? null)]);
  return inlineBindings(template, bindings, dialect);
}

/**
 * Inserts the rows in batches under each standard_conforming_strings mode and reads them back.
 * The SET runs on its own: PostgreSQL lexes a whole multi-statement query string before it
 * runs any of it, so a SET in the same string would not change how the INSERTs are read.
 */
async function roundTrip(rows: readonly Row[], columns: readonly Column[], batchSize = 500): Promise<{ expected: unknown[]; actual: unknown[] }> {
  await db.exec('TRUNCATE t;');
  for (const [modeIndex, mode] of MODES.entries()) {
    await db.exec(`SET standard_conforming_strings = ${mode};`);
    const inserts = chunks(rows, batchSize).map((batch, batchIndex) => `${insertScript(batch, modeIndex * rows.length + batchIndex * batchSize, columns)};`);
    await db.exec(inserts.join('\n'));
  }
  await db.exec('SET standard_conforming_strings = on;');
  const result = await db.query<Record<string, string | null>>(`SELECT ${columns.map((column) => `${READ_BACK[column]} AS ${column}`).join(', ')} FROM t ORDER BY id`);
  const actual = result.rows.map((row) => Object.fromEntries(columns.map((column) => [column, parseReadBack(column, row[column] ?? null)])));
  const expected = MODES.flatMap(() => rows.map((row) => Object.fromEntries(columns.map((column) => [column, expectedValue(column, row[column])]))));
  return { expected, actual };
}

function parseReadBack(column: Column, readBack: string | null): unknown {
  return readBack === null ? null : (PARSE_READ_BACK[column]?.(readBack) ?? readBack);
}

function expectedValue(column: Column, value: unknown): unknown {
  return value === undefined || value === null ? null : EXPECTED[column](value as never);
}

describe('PostgreSQL literals on PGlite', () => {
  it('reads backslashes differently with standard_conforming_strings off, so both modes are tested', async () => {
    await db.exec('SET standard_conforming_strings = off;');
    const off = await db.query<{ length: number }>(`SELECT length('a\\\\b') AS length`);
    await db.exec('SET standard_conforming_strings = on;');
    const on = await db.query<{ length: number }>(`SELECT length('a\\\\b') AS length`);
    expect([off.rows[0]?.length, on.rows[0]?.length]).toEqual([3, 4]);
  });

  it('round-trips every kind of value exactly', async () => {
    const rows: Row[] = [
      { txt: "it's", bin: Buffer.alloc(0), dbl: -0, i8: 9007199254740993n, num: -(10n ** 40n) - 1n, flag: true, ts: new Date('0001-01-01T00:00:00.000Z') },
      { txt: 'C:\\dir\\ and \\\\ and \\x41 \\n', bin: Buffer.from([0, 0x5c, 0x27, 0xff]), dbl: NaN, i8: -(2n ** 63n), num: 0n, flag: false, ts: new Date('9999-12-31T23:59:59.999Z') },
      { txt: "control \n\r\t\x1a\x1b\x7f and ' '' \\' ? $$ -- /* */", dbl: Infinity, i8: 2n ** 63n - 1n, ts: new Date(Date.UTC(2024, 1, 29, 12, 0, 0, 1)) },
      { txt: 'é ü ß 😀 𝄞 \u{10FFFF} \uFEFF \u200B', dbl: -Infinity, js: { quote: "it's", backslash: 'a\\b', nested: { list: [1, -2.5, null, true, 'x"y'] }, line: 'a\nb' } },
      { txt: '', dbl: 5e-324, js: {} },
      { dbl: 1.7976931348623157e308, texts: [], ints: [], tss: [], docs: [], grid: [] },
      { dbl: 0.1, texts: ['a"b', '{x,y}', 'NULL', null, 'c\\d', "it's", '', ' padded ', 'é😀'], ints: [1, null, -3], tss: [new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), null] },
      { dbl: -1e-7, docs: [{ a: 1 }, { b: 'x\\y"z' }], grid: [[1, 2], [3, 4]], ints: [null] },
    ];
    const { expected, actual } = await roundTrip(rows, ['txt', 'bin', 'dbl', 'i8', 'num', 'flag', 'ts', 'js', 'texts', 'ints', 'tss', 'docs', 'grid']);
    expect(actual).toEqual(expected);
  });

  it('reads a Date literal as the same instant in any session time zone', async () => {
    const instant = new Date(Date.UTC(2024, 6, 1, 23, 30, 0, 250));
    await db.exec("SET TIME ZONE 'Pacific/Kiritimati';");
    const result = await db.query<{ epoch: string; zone: string }>(
      `SELECT (extract(epoch FROM ${renderPostgresqlLiteral(instant)}::timestamptz) * 1000)::bigint::text AS epoch, current_setting('TimeZone') AS zone`,
    );
    await db.exec("SET TIME ZONE 'UTC';");
    expect(result.rows[0]).toEqual({ epoch: String(instant.getTime()), zone: 'Pacific/Kiritimati' });
  });
});

const row: fc.Arbitrary<Row> = fc.record({
  txt: text,
  bin: fc.uint8Array({ maxLength: 24 }),
  dbl: fc.double(),
  i8: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  num: fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }),
  flag: fc.boolean(),
  ts: date,
  js: jsonObject,
  texts: fc.array(fc.option(text), { maxLength: 4 }),
});

describe('PostgreSQL literals, property-based on PGlite', () => {
  const RUNS = 10;
  const ROWS_PER_RUN = 1000;

  it(`round-trips ${RUNS * ROWS_PER_RUN} generated rows of 9 values each, under both string modes`, async () => {
    const started = performance.now();
    const columns = ['txt', 'bin', 'dbl', 'i8', 'num', 'flag', 'ts', 'js', 'texts'] as const;
    const property = fc.asyncProperty(fc.array(row, { minLength: ROWS_PER_RUN, maxLength: ROWS_PER_RUN }), async (rows) => {
      const { expected, actual } = await roundTrip(rows, columns);
      expectSameRows(actual, expected, [...rows, ...rows]);
    });
    await checkProperty(property, RUNS);
    console.info(`PostgreSQL property test: ${RUNS * ROWS_PER_RUN} rows in ${Math.round(performance.now() - started)} ms`);
  }, 120_000);
});
