/** Catalog sources and the varied schema shared by the SQLite snapshot tests. */
import initSqlJs from 'sql.js';
import type { Database } from 'sql.js';
import type { CatalogSource } from '../../src/schema/readers/catalog-source.js';
import { readSqliteSnapshot } from '../../src/schema/readers/sqlite.js';
import { diffSnapshots, type SchemaChange } from '../../src/schema/schema-diff.js';
import type { Snapshot } from '../../src/schema/snapshot.js';

/** A fresh in-memory sql.js database with `script` applied. */
export async function sqlJsDatabase(script = ''): Promise<Database> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  if (script) db.exec(script);
  return db;
}

/** sql.js as a catalog source: the first value of the query's only row, parsed. */
export function sqlJsSource(db: Database): CatalogSource {
  return {
    async json(sql) {
      const [result] = db.exec(sql);
      return JSON.parse(String(result?.values[0]?.[0]));
    },
  };
}

export const VERSION_TABLE = { name: 'sqlgen_version' };

/** The snapshot of a fresh sql.js database after `script`. */
export async function sqlJsSnapshot(script: string): Promise<Snapshot> {
  const db = await sqlJsDatabase(script);
  try {
    return await readSqliteSnapshot(sqlJsSource(db), VERSION_TABLE);
  } finally {
    db.close();
  }
}

/** The differences in structure: written DDL carries no rows and no version table. */
export function structuralChanges(before: Snapshot, after: Snapshot): SchemaChange[] {
  return diffSnapshots(before, after).filter((change) => !change.object.startsWith('rows of ') && change.object !== 'version table');
}

/**
 * A schema with most of what SQLite tables can say: AUTOINCREMENT, composite keys, foreign keys
 * with actions, named and unnamed checks, unique constraints, unique, partial and expression
 * indexes, a generated column, WITHOUT ROWID and STRICT tables, views over views, triggers, a
 * TEMP table and trigger (as sqlgen's guards), and a version table.
 */
export const VARIED_SCHEMA = `
CREATE TABLE sqlgen_version (version_num varchar(40) NOT NULL PRIMARY KEY);
INSERT INTO sqlgen_version VALUES ('bbbb0002'), ('aaaa0001');
CREATE TABLE customers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email VARCHAR( 320 ) NOT NULL COLLATE NOCASE UNIQUE,
  full_name text NOT NULL CHECK (length(full_name) > 0),
  country_code char(2) DEFAULT 'NL',
  created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  [order] integer DEFAULT -1,
  CONSTRAINT email_has_at CHECK (email LIKE '%@%')
);
CREATE TABLE orders (
  id integer NOT NULL PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  total numeric(10, 2) NOT NULL CHECK (total >= 0),
  status varchar(20) NOT NULL DEFAULT 'pending' -- the usual first state
    CHECK (status IN ('pending', 'paid', 'it''s (odd)')),
  placed_on text DEFAULT (date('now')),
  UNIQUE (customer_id, placed_on)
);
CREATE TABLE order_lines (
  order_id integer NOT NULL,
  line integer NOT NULL,
  product text NOT NULL,
  quantity integer NOT NULL DEFAULT 1,
  price real NOT NULL,
  amount real GENERATED ALWAYS AS (quantity * price) STORED,
  label text AS (upper(product)) VIRTUAL,
  PRIMARY KEY (order_id, line),
  FOREIGN KEY (order_id) REFERENCES orders ON UPDATE RESTRICT ON DELETE SET NULL
) WITHOUT ROWID;
CREATE TABLE settings (key text PRIMARY KEY, value any, data blob) STRICT;
CREATE INDEX orders_by_status ON orders (status DESC, customer_id) WHERE status <> 'paid';
CREATE UNIQUE INDEX customers_lower_name ON customers (lower(full_name) COLLATE NOCASE, country_code);
CREATE VIEW paid_orders AS SELECT id, customer_id, total FROM orders WHERE status = 'paid';
CREATE VIEW customer_totals AS SELECT customer_id, sum(total) AS spent FROM paid_orders GROUP BY customer_id;
CREATE VIEW big_customers AS SELECT * FROM customer_totals WHERE spent > 100;
CREATE TRIGGER orders_paid AFTER UPDATE OF status ON orders WHEN NEW.status = 'paid'
BEGIN
  UPDATE customers SET "order" = "order" + 1 WHERE id = NEW.customer_id;
END;
INSERT INTO customers (email, full_name) VALUES ('a@example.com', 'Ann'), ('b@example.com', 'Bob');
INSERT INTO orders (customer_id, total, status) VALUES (1, 12.5, 'paid'), (2, 0.1 + 0.2, 'pending');
INSERT INTO order_lines (order_id, line, product, price) VALUES (1, 1, 'tea', 2.5);
INSERT INTO settings VALUES ('theme', 'dark', x'00ff');
CREATE TEMP TABLE sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER sqlgen_guard_check BEFORE INSERT ON sqlgen_guard BEGIN SELECT 1; END;
CREATE TEMP TABLE customers (shadow integer);
`;
