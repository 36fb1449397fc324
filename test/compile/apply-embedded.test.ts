import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import initSqlJs, { type Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_COUNTRIES } from '../helpers/example-project.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { freshPglite, runPsqlScript } from '../helpers/pglite.js';

/** Golden scripts are the product: these tests prove that real engines run them to the intended state. */
const golden = (name: string) => readFileSync(path.join(REPO_ROOT, 'test/golden', name), 'utf8');


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
    const db = await freshPglite();
    await runPsqlScript(db, golden('example/postgresql.upgrade.sql'));
    expect(await pgTables(db)).toEqual(EXAMPLE_TABLES);
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([{ version_num: '7c9e2b4a1d30' }]);
    expect((await pgRows<{ code: string; name: string }>(db, 'SELECT code, name FROM countries ORDER BY code')).map((row) => [row.code, row.name])).toEqual(EXAMPLE_COUNTRIES);
    await db.exec("INSERT INTO customers (email, full_name, country_code) VALUES ('a@example.com', 'A', 'NL')");
    expect(await pgRows(db, 'SELECT loyalty_points, created_at IS NOT NULL AS stamped FROM customers')).toEqual([{ loyalty_points: 0, stamped: true }]);
    expect(await pgRows(db, 'SELECT order_count FROM customer_order_totals')).toEqual([{ order_count: 0n }].map((row) => ({ order_count: Number(row.order_count) })));

    await runPsqlScript(db, golden('example/postgresql.downgrade.sql'));
    // Reaching base drops the version table, as Alembic does, so the round trip can start again.
    expect(await pgTables(db)).toEqual([]);
    await runPsqlScript(db, golden('example/postgresql.upgrade.sql'));
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([{ version_num: '7c9e2b4a1d30' }]);
  });

  it('an upgrade from the middle continues a database stamped at its start', async () => {
    const db = await freshPglite();
    const [firstTwo] = golden('example/postgresql.upgrade.sql').split('-- Running upgrade 3f2a9c1b7d4e -> 4c5d6e7f8a9b');
    await runPsqlScript(db, firstTwo!);
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([{ version_num: '3f2a9c1b7d4e' }]);
    await runPsqlScript(db, golden('example/postgresql.upgrade-middle-single.sql'));
    expect(await pgTables(db)).toEqual(EXAMPLE_TABLES);
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([{ version_num: '7c9e2b4a1d30' }]);
  });

  it('stamp creates the version table at head', async () => {
    const db = await freshPglite();
    await runPsqlScript(db, golden('example/postgresql.stamp.sql'));
    expect(await pgRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([{ version_num: '7c9e2b4a1d30' }]);
  });

  it('every kind of value and operation of the values-and-ops fixture', async () => {
    const db = await freshPglite();
    await runPsqlScript(db, golden('values-and-ops/postgresql.upgrade.sql'));
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
    expect(tables(db)).toEqual([]);
    db.exec(golden('example/sqlite.upgrade.sql'));
    expect(sqliteRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([['7c9e2b4a1d30']]);
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

describe('SQLite table rebuilds (sqlite-rebuild fixture) on sql.js', () => {
  /** A database whose session enforces foreign keys, as a DBA's .sqliterc may ask. */
  async function enforcingForeignKeys(): Promise<Database> {
    const db = await sqlite();
    db.exec('PRAGMA foreign_keys = ON');
    return db;
  }
  const columns = (db: Database, table: string) => sqliteRows(db, `SELECT name, type, "notnull", dflt_value FROM pragma_table_info('${table}') ORDER BY cid`);
  const foreignKeys = (db: Database) => sqliteRows(db, "SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('books') ORDER BY \"from\"");
  const schemaObjects = (db: Database) => sqliteRows(db, "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");

  it('upgrade changes the columns and keys, keeps every row, index, trigger and view, and cascades nothing', async () => {
    const db = await enforcingForeignKeys();
    db.exec(golden('sqlite-rebuild/sqlite.upgrade-base-heads.sql'));
    expect(sqliteRows(db, 'SELECT id, author_id, title, status, price, editor_id FROM books ORDER BY id')).toEqual([
      [1, 1, 'At Swim', 'published', 12.5, null],
      [2, 2, 'Untitled', "author's cut", 3, null],
    ]);
    expect(sqliteRows(db, 'SELECT id, name FROM authors ORDER BY id')).toEqual([[1, "O'Brien"], [2, 'Zoë']]);
    expect(columns(db, 'authors')).toContainEqual(['name', 'varchar(200)', 1, null]);
    expect(columns(db, 'books')).toEqual(expect.arrayContaining([['title', 'varchar(100)', 1, null], ['price', 'float', 1, "'0.00'"]]));
    expect(foreignKeys(db)).toEqual([['author_id', 'authors', 'id', 'CASCADE'], ['editor_id', 'authors', 'id', 'NO ACTION']]);
    expect(schemaObjects(db)).toEqual([
      ['index', 'books_author_id_title_unique'], ['index', 'books_title'],
      ['table', 'authors'], ['table', 'book_audit'], ['table', 'books'], ['table', 'sqlgen_version'],
      ['trigger', 'books_audit'], ['view', 'published_books'],
    ]);
    expect(() => db.exec("INSERT INTO books (title, status) VALUES ('x', 'banned')")).toThrow(/CHECK constraint failed/);
    // Once by bbbb0002's own UPDATE, once here: the trigger survived both rebuilds.
    db.exec("UPDATE books SET status = 'published' WHERE id = 2");
    expect(sqliteRows(db, 'SELECT book_id, change FROM book_audit')).toEqual([[2, 'updated'], [2, 'updated']]);
    expect(sqliteRows(db, 'SELECT title FROM published_books ORDER BY title')).toEqual([['At Swim'], ['Untitled']]);
    expect(sqliteRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([['bbbb0003']]);
  });

  it('an upgrade from the middle replays the earlier revisions and renders the same rebuild', () => {
    const full = golden('sqlite-rebuild/sqlite.upgrade-base-heads.sql');
    const middle = golden('sqlite-rebuild/sqlite.upgrade-bbbb0002-heads.sql');
    const lastSection = (script: string) => script.slice(script.indexOf('-- Running upgrade bbbb0002 -> bbbb0003'));
    expect(lastSection(middle)).toBe(lastSection(full));
  });

  it('downgrade restores the first revision\'s columns, then an empty schema', async () => {
    const db = await enforcingForeignKeys();
    db.exec(golden('sqlite-rebuild/sqlite.upgrade-base-heads.sql'));
    const downgrade = golden('sqlite-rebuild/sqlite.downgrade-heads-base.sql');
    const [toFirst] = downgrade.split('-- Running downgrade bbbb0001 -> <base>');
    db.exec(toFirst!);
    expect(columns(db, 'books').map(([name, , notNull]) => [name, notNull])).toEqual([['id', 1], ['author_id', 0], ['title', 0], ['status', 1], ['price', 0]]);
    expect(columns(db, 'authors')).toContainEqual(['name', 'varchar(50)', 1, null]);
    expect(sqliteRows(db, 'SELECT count(*) FROM books')).toEqual([[2]]);
    expect(sqliteRows(db, 'SELECT version_num FROM sqlgen_version')).toEqual([['bbbb0001']]);
  });
});
