// Smoke tests of the harness itself: scripts written by hand, applied with the real clients, read
// back exactly; failures and session settings visibly reach the client and the server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  freshMariadbDatabase,
  freshPostgresDatabase,
  freshSqliteFile,
  START_SERVERS_HINT,
  utf8Hex,
  type TestDatabase,
} from './harness.js';

/** Each test gets its own database, so a missing server fails every test instead of skipping it. */
async function withDatabase<S>(create: () => Promise<TestDatabase<S>>, body: (db: TestDatabase<S>) => Promise<void>): Promise<void> {
  const db = await create();
  try {
    await body(db);
  } finally {
    await db.drop();
  }
}

/** The (id, value, hex of value) rows expected back from the literal tables below. */
function expectedRows(values: (string | null)[]): (string | null)[][] {
  return values.map((value, index) => [String(index + 1), value, value === null ? null : utf8Hex(value)]);
}

const lowerHex = (rows: (string | null)[][]) => rows.map((row) => row.map((value, i) => (i === 2 ? (value?.toLowerCase() ?? null) : value)));

describe('PostgreSQL through psql', () => {
  it('applies a script file of tricky literals and reads them back exactly', async () => {
    await withDatabase(freshPostgresDatabase, async (db) => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'sqlgen-harness-')), 'literals.sql');
      writeFileSync(
        file,
        String.raw`CREATE TABLE t (id int PRIMARY KEY, s text);
INSERT INTO t VALUES (1, 'it''s'), (2, 'back\slash'), (3, 'é 😀 漢字'), (4, E'tab\there\nnewline'),
  (5, NULL), (6, 'NULL'), (7, '');
`,
      );
      await db.applyScript({ file });
      const rows = await db.query(`SELECT id, s, encode(convert_to(s, 'UTF8'), 'hex') FROM t ORDER BY id;`);
      expect(rows).toEqual(expectedRows(["it's", 'back\\slash', 'é 😀 漢字', 'tab\there\nnewline', null, 'NULL', '']));
    });
  });

  it('throws with psql’s error and stops at the first failing statement', async () => {
    await withDatabase(freshPostgresDatabase, async (db) => {
      const script = 'CREATE TABLE before_error (a int);\nSELEC 1;\nCREATE TABLE after_error (a int);\n';
      await expect(db.applyScript(script)).rejects.toThrow(/syntax error at or near "SELEC"/);
      const failed = await db.applyScript(script, { allowFailure: true });
      expect(failed.exitCode).toBe(3);
      const tables = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
      expect(tables).toEqual([['before_error']]);
    });
  });

  it('sets standard_conforming_strings for the session', async () => {
    await withDatabase(freshPostgresDatabase, async (db) => {
      await db.applyScript('CREATE TABLE t (mode text, s text);');
      const insert = String.raw`INSERT INTO t VALUES (current_setting('standard_conforming_strings'), 'a\\b');`;
      await db.applyScript(insert, { session: { standardConformingStrings: true } });
      await db.applyScript(insert, { session: { standardConformingStrings: false } });
      expect(await db.query('SELECT mode, s FROM t ORDER BY mode')).toEqual([
        ['off', 'a\\b'],
        ['on', 'a\\\\b'],
      ]);
    });
  });
});

describe('MariaDB through mariadb', () => {
  it('applies a script of tricky literals and reads them back exactly', async () => {
    await withDatabase(freshMariadbDatabase, async (db) => {
      await db.applyScript(String.raw`CREATE TABLE t (id int PRIMARY KEY, s text) CHARACTER SET utf8mb4;
INSERT INTO t VALUES (1, 'it''s'), (2, 'back\\slash'), (3, 'é 😀 漢字'), (4, 'tab\there\nnewline'),
  (5, NULL), (6, 'NULL'), (7, '');
`);
      const rows = await db.query('SELECT id, s, HEX(s) FROM t ORDER BY id');
      expect(lowerHex(rows)).toEqual(expectedRows(["it's", 'back\\slash', 'é 😀 漢字', 'tab\there\nnewline', null, 'NULL', '']));
    });
  });

  it('throws with the client’s error and stops at the first failing statement', async () => {
    await withDatabase(freshMariadbDatabase, async (db) => {
      const script = 'CREATE TABLE before_error (a int);\nSELEC 1;\nCREATE TABLE after_error (a int);\n';
      await expect(db.applyScript(script)).rejects.toThrow(/ERROR 1064 \(42000\) at line 2: You have an error in your SQL syntax/);
      expect(await db.query('SHOW TABLES')).toEqual([['before_error']]);
    });
  });

  it('sets sql_mode with and without NO_BACKSLASH_ESCAPES for the session', async () => {
    await withDatabase(freshMariadbDatabase, async (db) => {
      await db.applyScript('CREATE TABLE t (escapes text, s1 text, s2 text);');
      const insert = String.raw`INSERT INTO t VALUES (IF(@@sql_mode LIKE '%NO_BACKSLASH_ESCAPES%', 'off', 'on'), 'a\nb', 'a\\nb');`;
      await db.applyScript(insert, { session: { noBackslashEscapes: true } });
      await db.applyScript(insert, { session: { noBackslashEscapes: false } });
      expect(await db.query('SELECT escapes, s1, s2 FROM t ORDER BY escapes')).toEqual([
        ['off', 'a\\nb', 'a\\\\nb'],
        ['on', 'a\nb', 'a\\nb'],
      ]);
      const [mode] = await db.query('SELECT @@SESSION.sql_mode', { session: { sqlMode: 'ANSI_QUOTES', noBackslashEscapes: true } });
      expect(mode).toEqual(['ANSI_QUOTES,NO_BACKSLASH_ESCAPES']);
    });
  });
});

describe('SQLite through sqlite3', () => {
  it('applies a script of tricky literals and reads them back exactly', async () => {
    await withDatabase(freshSqliteFile, async (db) => {
      await db.applyScript(String.raw`CREATE TABLE t (id integer PRIMARY KEY, s text);
INSERT INTO t VALUES (1, 'it''s'), (2, 'back\slash'), (3, 'é 😀 漢字'), (4, 'tab	here
newline'), (5, NULL), (6, 'NULL'), (7, '');
`);
      const rows = await db.query('SELECT id, s, CASE WHEN s IS NOT NULL THEN hex(s) END FROM t ORDER BY id');
      expect(lowerHex(rows)).toEqual(expectedRows(["it's", 'back\\slash', 'é 😀 漢字', 'tab\there\nnewline', null, 'NULL', '']));
    });
  });

  it('throws with sqlite3’s error and stops at the first failing statement (-bail)', async () => {
    await withDatabase(freshSqliteFile, async (db) => {
      const script = 'CREATE TABLE before_error (a int);\nSELEC 1;\nCREATE TABLE after_error (a int);\n';
      await expect(db.applyScript(script)).rejects.toThrow(/near "SELEC": syntax error/);
      expect(await db.query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1`)).toEqual([['before_error']]);
    });
  });
});

describe('without servers', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('fails with the command that starts them', async () => {
    vi.stubEnv('SQLGEN_DB_DIR', mkdtempSync(path.join(tmpdir(), 'sqlgen-no-servers-')));
    for (const name of Object.keys(process.env).filter((key) => key.startsWith('SQLGEN_TEST_'))) vi.stubEnv(name, undefined);
    await expect(freshPostgresDatabase()).rejects.toThrow(START_SERVERS_HINT);
    await expect(freshMariadbDatabase()).rejects.toThrow(START_SERVERS_HINT);
  });

  it('fails with the command that starts them when a server does not answer', async () => {
    vi.stubEnv('SQLGEN_TEST_PG_PORT', '1');
    vi.stubEnv('SQLGEN_TEST_MARIADB_PORT', '1');
    await expect(freshPostgresDatabase()).rejects.toThrow(START_SERVERS_HINT);
    await expect(freshMariadbDatabase()).rejects.toThrow(START_SERVERS_HINT);
  });
});
