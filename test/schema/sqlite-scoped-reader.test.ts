import { describe, expect, it } from 'vitest';
import { SQLITE_GUARD_TRIGGER } from '../../src/dialects/guards/sqlite.js';
import { openSqlJs } from '../../src/engines/sqljs.js';
import { sqliteChangeScope } from '../../src/schema/readers/sqlite-change-scope.js';
import { describeScopedReads } from '../helpers/scoped-reads.js';

/**
 * A scoped SQLite read must give exactly what a full read gives. Each case is a series of
 * scripts where trusting the statements' own names would miss a change: SQLite rewrites other
 * tables' foreign keys and views on a rename, an implicit REFERENCES follows the target's key,
 * ON DELETE CASCADE reaches other tables, and triggers write anywhere.
 */
const CASES: Record<string, string[]> = {
  'a rename rewrites the foreign keys and views of other tables': [
    'CREATE TABLE authors (id integer PRIMARY KEY, name text); CREATE TABLE books (id integer PRIMARY KEY, author_id integer REFERENCES authors); CREATE VIEW names AS SELECT name FROM authors;',
    'ALTER TABLE authors RENAME TO writers;',
    'ALTER TABLE writers RENAME COLUMN name TO full_name;',
  ],
  "knex's table rebuild, under a table with an implicit reference": [
    'PRAGMA foreign_keys = ON; CREATE TABLE authors (id integer PRIMARY KEY, name text); CREATE TABLE books (id integer PRIMARY KEY, author_id integer REFERENCES authors ON DELETE CASCADE); INSERT INTO authors VALUES (1, \'a\'); INSERT INTO books VALUES (1, 1);',
    `PRAGMA foreign_keys = OFF;
     CREATE TABLE "_sqlgen_rebuild_authors" (code text PRIMARY KEY, name text NOT NULL);
     INSERT INTO "_sqlgen_rebuild_authors" SELECT id, name FROM "authors";
     DROP TABLE "authors";
     ALTER TABLE "_sqlgen_rebuild_authors" RENAME TO "authors";
     PRAGMA foreign_key_check ("authors");
     PRAGMA foreign_keys = ON;`,
  ],
  'ON DELETE CASCADE reaches two tables away': [
    `PRAGMA foreign_keys = ON; CREATE TABLE a (id integer PRIMARY KEY); CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id) ON DELETE CASCADE);
     CREATE TABLE c (id integer PRIMARY KEY, b_id integer REFERENCES b (id) ON DELETE SET NULL);
     INSERT INTO a VALUES (1), (2); INSERT INTO b VALUES (10, 1), (20, 2); INSERT INTO c VALUES (100, 10), (200, 20);`,
    'DELETE FROM a WHERE id = 1;',
    'DROP TABLE c; DROP TABLE b; DELETE FROM a;',
  ],
  'columns, indexes and names in any case': [
    'CREATE TABLE Notes (id integer PRIMARY KEY, body text); CREATE INDEX notes_body ON NOTES (body);',
    'ALTER TABLE notes ADD COLUMN at text; INSERT OR IGNORE INTO main."NOTES" (body) VALUES (\'x\');',
    'DROP INDEX notes_body;',
    'ALTER TABLE notes DROP COLUMN at; UPDATE notes SET body = \'y\'; REPLACE INTO notes VALUES (1, \'z\');',
    'DROP TABLE IF EXISTS notes;',
  ],
  'a trigger writes to another table': [
    'CREATE TABLE log (what text); CREATE TABLE orders (id integer);',
    "CREATE TRIGGER orders_log AFTER INSERT ON orders BEGIN INSERT INTO log VALUES ('order'); END;",
    'INSERT INTO orders VALUES (1);',
  ],
  'a temporary trigger on a main table writes to another table': [
    'CREATE TABLE log (what text); CREATE TABLE orders (id integer);',
    "CREATE TEMP TRIGGER orders_log AFTER INSERT ON main.orders BEGIN INSERT INTO log VALUES ('order'); END;",
    'INSERT INTO orders VALUES (1);',
  ],
  'temporary tables, a CTE, and sqlgen\'s guards': [
    'CREATE TABLE orders (id integer); CREATE TEMP TABLE orders (id integer); INSERT INTO orders VALUES (1);',
    'WITH one AS (SELECT 2) INSERT INTO main.orders SELECT * FROM one;',
    `CREATE TABLE sqlgen_version (version_num varchar(40) PRIMARY KEY); INSERT INTO sqlgen_version VALUES ('a1');
     CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
     ${SQLITE_GUARD_TRIGGER}
     INSERT INTO sqlgen_guard (expected, found) SELECT 'a1', coalesce((SELECT group_concat(version_num, ' ') FROM sqlgen_version), '');
     UPDATE sqlgen_version SET version_num = 'b2';`,
  ],
};

describeScopedReads('scoped SQLite snapshots equal full catalog reads', () => openSqlJs({ versionTable: { name: 'sqlgen_version' } }), CASES);

describe('sqliteChangeScope', () => {
  const tables = (statements: string[]) => {
    const scope = sqliteChangeScope(statements);
    return scope && { tables: [...scope.tables].sort(), indexes: [...scope.indexes] };
  };

  it('names the tables the forms sqlgen and knex write change, lowercased, and the indexes dropped', () => {
    expect(tables(['CREATE TABLE IF NOT EXISTS `Orders` (id integer)', 'CREATE UNIQUE INDEX i ON main.orders (id)', 'ALTER TABLE "a" RENAME TO [b]', 'DROP INDEX IF EXISTS i'])).toEqual({ tables: ['a', 'b', 'orders'], indexes: ['i'] });
    expect(tables(['INSERT OR REPLACE INTO t VALUES (1)', 'REPLACE INTO u VALUES (1)', 'UPDATE OR IGNORE v SET x = 1', 'DELETE FROM w'])).toEqual({ tables: ['t', 'u', 'v', 'w'], indexes: [] });
    expect(tables(['BEGIN IMMEDIATE', 'SELECT 1', 'PRAGMA foreign_keys = OFF', 'CREATE TEMP TABLE g (x)', 'DROP TABLE temp.g', 'CREATE VIEW v AS SELECT 1', 'COMMIT'])).toEqual({ tables: [], indexes: [] });
    expect(tables([SQLITE_GUARD_TRIGGER])).toEqual({ tables: [], indexes: [] });
    // As SQLite keeps a statement's text: with the comments and blanks before it.
    expect(tables([`\n  -- guard\n  ${SQLITE_GUARD_TRIGGER}`, SQLITE_GUARD_TRIGGER.replace(/;$/, '')])).toEqual({ tables: [], indexes: [] });
  });

  it('gives up on what may change more than it names', () => {
    for (const statement of ['CREATE TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END', 'CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END', 'WITH x AS (SELECT 1) DELETE FROM a', 'ATTACH DATABASE \'f\' AS f', 'VACUUM', 'PRAGMA writable_schema = ON', 'CREATE VIRTUAL TABLE f USING fts5 (x)', 'INSERT INTO other.t VALUES (1)', 'DROP TRIGGER t']) {
      expect(sqliteChangeScope([statement]), statement).toBeUndefined();
    }
  });
});
