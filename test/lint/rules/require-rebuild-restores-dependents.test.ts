import initSqlJs from 'sql.js';
import { describe, expect, test } from 'vitest';
import { describeRule } from './rule-cases.js';

const SETUP = [
  'CREATE TABLE orders (id INTEGER PRIMARY KEY, ref TEXT)',
  'CREATE TABLE audit (msg TEXT)',
  'CREATE INDEX orders_ref ON orders (ref)',
  "CREATE TRIGGER orders_audit AFTER INSERT ON orders BEGIN INSERT INTO audit VALUES ('new order'); END",
  'CREATE VIEW recent_orders AS SELECT id, ref FROM orders',
].join(';\n');
const REBUILD = ['CREATE TABLE orders_new (id INTEGER PRIMARY KEY, ref TEXT NOT NULL)', 'INSERT INTO orders_new (id, ref) SELECT id, ref FROM orders', 'DROP TABLE orders', 'ALTER TABLE orders_new RENAME TO orders'].join(';\n');
const RESTORE = ['CREATE INDEX orders_ref ON orders (ref)', "CREATE TRIGGER orders_audit AFTER INSERT ON orders BEGIN INSERT INTO audit VALUES ('new order'); END"].join(';\n');

const CORPUS = {
  sqlite: {
    bad: [
      // The view still names orders at the RENAME; the index and trigger are never created again.
      `${SETUP};\n${REBUILD};`,
      `${SETUP};\nDROP VIEW recent_orders;\n${REBUILD};\nCREATE VIEW recent_orders AS SELECT id, ref FROM orders;`,
      // A trigger on another table that names orders breaks the RENAME too.
      `${SETUP};\nDROP VIEW recent_orders;\nCREATE TRIGGER audit_check AFTER INSERT ON audit BEGIN SELECT id FROM orders; END;\n${REBUILD};\n${RESTORE};\nCREATE VIEW recent_orders AS SELECT id, ref FROM orders;`,
    ],
    good: [
      // SQLite's procedure: views dropped first, everything created again after the RENAME.
      `${SETUP};\nDROP VIEW recent_orders;\n${REBUILD};\n${RESTORE};\nCREATE VIEW recent_orders AS SELECT id, ref FROM orders;`,
      `${SETUP};\nPRAGMA legacy_alter_table = ON;\n${REBUILD};\n${RESTORE};`,
      `CREATE TABLE orders (id INTEGER PRIMARY KEY, ref TEXT);\n${REBUILD};`,
      REBUILD,
    ],
  },
};

describeRule('require-rebuild-restores-dependents', CORPUS);

/** What SQLite itself does with the corpus: a bad script fails or ends with a dependent missing. */
describe('require-rebuild-restores-dependents: the corpus on SQLite', async () => {
  const SQL = await initSqlJs();
  const outcome = (script: string): string => {
    const database = new SQL.Database();
    try {
      // A script that rebuilds orders without creating it: orders existed, with no dependents.
      if (!script.includes('CREATE TABLE orders ')) database.run('CREATE TABLE orders (id INTEGER PRIMARY KEY, ref TEXT)');
      database.run(script);
      const names = database.exec("SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger', 'view') ORDER BY name")[0]?.values.flat() ?? [];
      return `ran, leaving ${names.join(' ') || 'nothing'}`;
    } catch (error) {
      return `failed: ${(error as Error).message}`;
    } finally {
      database.close();
    }
  };
  const created = (script: string): string[] => [...script.matchAll(/CREATE (?:INDEX|TRIGGER|VIEW) (\w+)/g)].map((match) => match[1]!);
  test.each(CORPUS.sqlite.bad)('fails or loses a dependent: %s', (script) => {
    const result = outcome(script);
    if (result.startsWith('ran')) expect(created(script).some((name) => !result.includes(name))).toBe(true);
    else expect(result).toMatch(/no such table: main\.orders/);
  });
  test.each(CORPUS.sqlite.good)('runs and keeps every dependent: %s', (script) => {
    const result = outcome(script);
    expect(result).toMatch(/^ran/);
    for (const name of created(script)) expect(result).toContain(name);
  });
});
