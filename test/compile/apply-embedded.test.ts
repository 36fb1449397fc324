import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import initSqlJs, { type Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_COUNTRIES } from '../helpers/example-project.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { psqlStatements } from '../helpers/split-script.js';

/** Golden scripts are the product: these tests prove that real engines run them to the intended state. */
const golden = (name: string) => readFileSync(path.join(REPO_ROOT, 'test/golden', name), 'utf8');

async function postgres(): Promise<PGlite> {
  const db = new PGlite();
  await db.waitReady;
  return db;
}

/** Runs a script as psql does: statement by statement. */
async function runScript(db: PGlite, script: string): Promise<void> {
  for (const statement of psqlStatements(script)) await db.exec(statement);
}

async function pgRows<T>(db: PGlite, sql: string): Promise<T[]> {
  return (await db.query<T>(sql)).rows;
}

const pgTables = (db: PGlite) => pgRows<{ name: string }>(db, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1").then((rows) => rows.map((row) => row.name));

async function sqlite(): Promise<Database> {
  const SQL = await initSqlJs();
  return new SQL.Database();
}

function sqliteRows(db: Database, sql: string): unknown[][] {
  return db.exec(sql)[0]?.values ?? [];
}

const EXAMPLE_TABLES = ['countries', 'customer_order_totals', 'customers', 'orders', 'sqlgen_version'];

describe('the example project on PGlite (real PostgreSQL)', () => {
  it('upgrade reaches head with the data intact, downgrade returns to an empty schema', async () => {
    const db = await postgres();
    await runScript(db, golden('example/postgresql.upgrade.sql'));
    expect(await pgTables(db)).toEqual(EXAMPLE_TABLES);
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([{ version_num: '7c9e2b4a1d30' }]);
    expect((await pgRows<{ code: string; name: string }>(db, 'SELECT code, name FROM countries ORDER BY code')).map((row) => [row.code, row.name])).toEqual(EXAMPLE_COUNTRIES);
    await db.exec("INSERT INTO customers (email, full_name, country_code) VALUES ('a@example.com', 'A', 'NL')");
    expect(await pgRows(db, 'SELECT loyalty_points, created_at IS NOT NULL AS stamped FROM customers')).toEqual([{ loyalty_points: 0, stamped: true }]);
    expect(await pgRows(db, 'SELECT order_count FROM customer_order_totals')).toEqual([{ order_count: 0n }].map((row) => ({ order_count: Number(row.order_count) })));

    await runScript(db, golden('example/postgresql.downgrade.sql'));
    expect(await pgTables(db)).toEqual(['sqlgen_version']);
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([]);
  });

  it('an upgrade from the middle continues a database stamped at its start', async () => {
    const db = await postgres();
    const [firstTwo] = golden('example/postgresql.upgrade.sql').split('-- Running upgrade 3f2a9c1b7d4e -> 4c5d6e7f8a9b');
    await runScript(db, firstTwo!);
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([{ version_num: '3f2a9c1b7d4e' }]);
    await runScript(db, golden('example/postgresql.upgrade-middle-single.sql'));
    expect(await pgTables(db)).toEqual(EXAMPLE_TABLES);
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([{ version_num: '7c9e2b4a1d30' }]);
  });

  it('stamp creates the version table at head', async () => {
    const db = await postgres();
    await runScript(db, golden('example/postgresql.stamp.sql'));
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([{ version_num: '7c9e2b4a1d30' }]);
  });

  it('every kind of value and operation of the values-and-ops fixture', async () => {
    const db = await postgres();
    await runScript(db, golden('values-and-ops/postgresql.upgrade.sql'));
    const rows = await pgRows<Record<string, unknown>>(db, 'SELECT name, happened_at, payload, big::text AS big, flag, encode(blob, \'hex\') AS blob, note FROM event_log ORDER BY id');
    expect(rows).toEqual([
      { name: "quote ' and backslash \\ and ? and :name", happened_at: new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 123)), payload: { a: [1, 'two'], b: null }, big: '9007199254740993', flag: true, blob: '0001feff', note: 'kept' },
      { name: 'ünïcödé 日本 🎉', happened_at: null, payload: null, big: '-42', flag: false, blob: null, note: "it's \\ a ?default" },
    ]);
    expect(await pgRows(db, "SELECT indexname FROM pg_indexes WHERE indexname = 'events_name_idx'")).toEqual([{ indexname: 'events_name_idx' }]);
    expect(await pgRows(db, 'SELECT name FROM flagged_events')).toHaveLength(1);
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([{ version_num: 'aaaa0003' }]);
  });
});

describe('the example project on sql.js (real SQLite)', () => {
  const tables = (db: Database) => sqliteRows(db, "SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND type IN ('table', 'view') ORDER BY name").map(([name]) => name);

  it('upgrade reaches head with the data intact, downgrade returns to an empty schema', async () => {
    const db = await sqlite();
    db.exec(golden('example/sqlite.upgrade.sql'));
    expect(tables(db)).toEqual(EXAMPLE_TABLES);
    expect(sqliteRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([['7c9e2b4a1d30']]);
    expect(sqliteRows(db, 'SELECT code, name FROM countries ORDER BY code')).toEqual(EXAMPLE_COUNTRIES);
    db.exec("INSERT INTO customers (email, full_name, country_code) VALUES ('a@example.com', 'A', 'NL')");
    expect(sqliteRows(db, 'SELECT loyalty_points FROM customers')).toEqual([[0]]);

    db.exec(golden('example/sqlite.downgrade.sql'));
    expect(tables(db)).toEqual(['sqlgen_version']);
    expect(sqliteRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([]);
  });

  it('every kind of value and operation of the values-and-ops fixture', async () => {
    const db = await sqlite();
    db.exec(golden('values-and-ops/sqlite.upgrade.sql'));
    expect(sqliteRows(db, 'SELECT name, happened_at, payload, big, flag, hex(blob), note FROM event_log ORDER BY id')).toEqual([
      ["quote ' and backslash \\ and ? and :name", '2024-02-29T23:59:58.123Z', '{"a":[1,"two"],"b":null}', 9007199254740993, 1, '0001FEFF', 'kept'],
      ['ünïcödé 日本 🎉', null, null, -42, 0, '', "it's \\ a ?default"],
    ]);
    expect(sqliteRows(db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'events_name_idx'")).toEqual([['events_name_idx']]);
    expect(sqliteRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([['aaaa0003']]);
  });
});
