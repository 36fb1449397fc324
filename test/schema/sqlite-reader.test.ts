import { describe, expect, it } from 'vitest';
import { readSqliteSnapshot } from '../../src/schema/readers/sqlite.js';
import { diffSnapshots } from '../../src/schema/schema-diff.js';
import type { Snapshot, SnapshotTable } from '../../src/schema/snapshot.js';
import { VARIED_SCHEMA, VERSION_TABLE, sqlJsDatabase, sqlJsSnapshot, sqlJsSource } from './sqlite-sources.js';

function table(snapshot: Snapshot, name: string): SnapshotTable {
  const found = snapshot.tables.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no table ${name} in the snapshot`);
  return found;
}

describe('readSqliteSnapshot on a varied schema', async () => {
  const snapshot = await sqlJsSnapshot(VARIED_SCHEMA);

  it('lists the main tables in name order, without the version table, sqlite_* tables or TEMP objects', () => {
    expect(snapshot.tables.map(({ name, kind }) => [name, kind])).toEqual([
      ['customers', 'table'],
      ['order_lines', 'table without rowid'],
      ['orders', 'table'],
      ['settings', 'strict table'],
    ]);
    expect(JSON.stringify(snapshot)).not.toContain('sqlgen_guard');
    expect(JSON.stringify(snapshot)).not.toContain('shadow');
    expect(snapshot.versions).toEqual(['aaaa0001', 'bbbb0002']);
  });

  it('spells columns canonically, with collation and generated expressions from the CREATE text', () => {
    const columns = Object.fromEntries(snapshot.tables.flatMap((each) => each.columns.map((column) => [`${each.name}.${column.name}`, column])));
    expect(columns['customers.email']).toMatchObject({ type: 'varchar(320)', nullable: false, collation: 'NOCASE' });
    expect(columns['customers.order']).toMatchObject({ type: 'integer', default: '-1' });
    expect(columns['orders.total']).toMatchObject({ type: 'numeric(10,2)' });
    expect(columns['orders.placed_on']).toMatchObject({ default: "date('now')" });
    expect(columns['order_lines.amount']).toMatchObject({ generated: '(quantity * price) STORED' });
    expect(columns['order_lines.label']).toMatchObject({ generated: '(upper(product)) VIRTUAL' });
  });

  it('reads primary keys, foreign keys with their actions and named and unnamed checks', () => {
    expect(table(snapshot, 'customers').constraints).toEqual([
      { name: 'check (length(full_name) > 0)', definition: 'CHECK (length(full_name) > 0)' },
      { name: 'email_has_at', definition: "CHECK (email LIKE '%@%')" },
      { name: 'primary key', definition: 'PRIMARY KEY (id) AUTOINCREMENT' },
    ]);
    expect(table(snapshot, 'orders').constraints).toEqual([
      { name: "check (status IN ('pending', 'paid', 'it''s (odd)'))", definition: "CHECK (status IN ('pending', 'paid', 'it''s (odd)'))" },
      { name: 'check (total >= 0)', definition: 'CHECK (total >= 0)' },
      { name: 'foreign key (customer_id)', definition: 'FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE' },
      { name: 'primary key', definition: 'PRIMARY KEY (id)' },
    ]);
    // `REFERENCES orders` without columns means the primary key of orders.
    expect(table(snapshot, 'order_lines').constraints).toEqual([
      { name: 'foreign key (order_id)', definition: 'FOREIGN KEY (order_id) REFERENCES orders (id) ON UPDATE RESTRICT ON DELETE SET NULL' },
      { name: 'primary key', definition: 'PRIMARY KEY (order_id, line)' },
    ]);
  });

  it('reads unique constraints as named indexes, and unique, partial and expression indexes', () => {
    expect(table(snapshot, 'customers').indexes).toEqual([
      { name: 'customers_lower_name', definition: 'CREATE UNIQUE INDEX customers_lower_name ON customers (lower(full_name) COLLATE NOCASE, country_code)', constraint: null },
      { name: 'unique (email COLLATE NOCASE)', definition: 'UNIQUE (email COLLATE NOCASE)', constraint: 'unique (email COLLATE NOCASE)' },
    ]);
    expect(table(snapshot, 'orders').indexes).toEqual([
      { name: 'orders_by_status', definition: "CREATE INDEX orders_by_status ON orders (status DESC, customer_id) WHERE status <> 'paid'", constraint: null },
      { name: 'unique (customer_id, placed_on)', definition: 'UNIQUE (customer_id, placed_on)', constraint: 'unique (customer_id, placed_on)' },
    ]);
  });

  it('keeps view and trigger text in one canonical spelling: whitespace collapsed, comments dropped, key words upper case', () => {
    expect(snapshot.views.map((view) => view.name)).toEqual(['big_customers', 'customer_totals', 'paid_orders']);
    expect(table(snapshot, 'orders').triggers).toEqual([
      {
        name: 'orders_paid',
        definition: `CREATE TRIGGER orders_paid AFTER UPDATE OF status ON orders WHEN NEW.status = 'paid' BEGIN UPDATE customers SET "order" = "order" + 1 WHERE id = NEW.customer_id; END`,
      },
    ]);
  });
});

describe('readSqliteSnapshot compares tables, not their CREATE text', () => {
  it('sees the same table written with other quoting, spacing, clause placement and column order', async () => {
    const plain = await sqlJsSnapshot(`
      CREATE TABLE parents (id integer PRIMARY KEY);
      CREATE TABLE items (
        id integer PRIMARY KEY AUTOINCREMENT,
        parent_id integer REFERENCES parents (id) ON DELETE CASCADE,
        name varchar(100) NOT NULL CHECK (length(name) > 0),
        price numeric(10, 2) DEFAULT 0,
        CONSTRAINT cheap CHECK (price < 1000),
        UNIQUE (parent_id, name)
      );
      CREATE INDEX items_by_price ON items (price DESC) WHERE price > 0;`);
    const quoted = await sqlJsSnapshot(`
      CREATE TABLE "parents"("id" INTEGER primary key);
      CREATE TABLE \`items\`(
        [price]   NUMERIC( 10,2 )   default 0 ,
        "name" VARCHAR(100) not null,
        \`parent_id\` integer,
        "id" integer primary key autoincrement,
        constraint "cheap" check ("price"<1000),
        check(length("name")>0),
        foreign key ("parent_id") references "parents" on delete cascade,
        unique ("parent_id", "name")
      );
      create index "items_by_price" on "items" ("price" desc) where "price">0;`);
    expect(diffSnapshots(plain, quoted)).toEqual([]);
  });

  it('sees a table rebuilt (new table, copy, drop, rename) or grown by ADD COLUMN as the one created directly', async () => {
    const direct = await sqlJsSnapshot(`
      CREATE TABLE books (id integer PRIMARY KEY, title text NOT NULL CHECK (title <> ''), pages integer DEFAULT 0 CHECK (pages >= 0));
      CREATE INDEX books_by_title ON books (title);
      INSERT INTO books (title) VALUES ('Ulysses'), ('Dubliners');`);
    const grown = await sqlJsSnapshot(`
      CREATE TABLE books (id integer PRIMARY KEY, title text NOT NULL CHECK (title <> ''));
      CREATE INDEX books_by_title ON books (title);
      INSERT INTO books (title) VALUES ('Ulysses'), ('Dubliners');
      ALTER TABLE books ADD COLUMN pages integer DEFAULT 0 CHECK (pages >= 0);`);
    const rebuilt = await sqlJsSnapshot(`
      CREATE TABLE books (id integer PRIMARY KEY, title varchar(10), pages integer);
      INSERT INTO books (title, pages) VALUES ('Ulysses', 0), ('Dubliners', 0);
      CREATE TABLE \`_sqlgen_rebuild_books\` (\`pages\` integer DEFAULT 0, \`title\` text NOT NULL, \`id\` integer,
        PRIMARY KEY (\`id\`), CHECK (\`pages\` >= 0), CHECK (\`title\` <> ''));
      INSERT INTO \`_sqlgen_rebuild_books\` (id, title, pages) SELECT id, title, pages FROM books;
      DROP TABLE books;
      ALTER TABLE \`_sqlgen_rebuild_books\` RENAME TO \`books\`;
      CREATE INDEX \`books_by_title\` ON \`books\` (\`title\`);`);
    expect(diffSnapshots(direct, grown)).toEqual([]);
    expect(diffSnapshots(direct, rebuilt)).toEqual([]);
  });

  it('reports what did change: a type, a check, an index column', async () => {
    const before = await sqlJsSnapshot('CREATE TABLE t (a integer CHECK (a > 0), b text); CREATE INDEX t_a ON t (a);');
    const after = await sqlJsSnapshot('CREATE TABLE t (a bigint CHECK (a > 1), b text); CREATE INDEX t_a ON t (b);');
    expect(diffSnapshots(before, after).map(({ change, object }) => `${change} ${object}`)).toEqual([
      'changed column t.a',
      'dropped constraint check (a > 0) on t',
      'changed index t_a on t',
      'added constraint check (a > 1) on t',
    ]);
  });
});

describe('readSqliteSnapshot row digests', () => {
  const TABLES = `
    CREATE TABLE notes (id integer PRIMARY KEY AUTOINCREMENT, body text, score real, raw blob, added text DEFAULT CURRENT_TIMESTAMP, kind text DEFAULT 'plain');
    INSERT INTO notes (body, score, raw) VALUES ('one', 0.1 + 0.2, x'00ff'), ('two', NULL, NULL);`;

  it('does not change when rows come back with new ids and times', async () => {
    const before = await sqlJsSnapshot(TABLES);
    const after = await sqlJsSnapshot(`${TABLES}
      DELETE FROM notes;
      INSERT INTO notes (body, score, raw, added) VALUES ('two', NULL, NULL, '2031-01-01'), ('one', 0.1 + 0.2, x'00ff', '2031-01-02');`);
    expect(after.tables[0]!.rows).toEqual(before.tables[0]!.rows);
    expect(before.tables[0]!.rows.count).toBe(2);
  });

  it('changes when the data does, a type included', async () => {
    const before = await sqlJsSnapshot(TABLES);
    for (const change of ["UPDATE notes SET body = 'One' WHERE body = 'one'", "UPDATE notes SET kind = 'rich' WHERE body = 'one'", 'UPDATE notes SET score = 0.3000001 WHERE score IS NOT NULL', "UPDATE notes SET raw = x'00fe' WHERE body = 'one'"]) {
      const after = await sqlJsSnapshot(`${TABLES} ${change};`);
      expect(after.tables[0]!.rows.digest, change).not.toBe(before.tables[0]!.rows.digest);
    }
    // A column without affinity keeps what it is given: the integer 1 is not the text '1'.
    const [integer, text] = await Promise.all(['1', "'1'"].map((value) => sqlJsSnapshot(`${TABLES} UPDATE notes SET raw = ${value};`)));
    expect(integer!.tables[0]!.rows.digest).not.toBe(text!.tables[0]!.rows.digest);
  });

  it('gives every empty table the same digest', async () => {
    const snapshot = await sqlJsSnapshot('CREATE TABLE a (x integer); CREATE TABLE b (y text, z real);');
    expect(snapshot.tables.map((each) => each.rows)).toEqual([snapshot.tables[0]!.rows, snapshot.tables[0]!.rows]);
    expect(snapshot.tables[0]!.rows.count).toBe(0);
  });

  it('digests tables with more columns than an SQLite function takes arguments', async () => {
    const columns = Array.from({ length: 130 }, (_, index) => `c${index} integer DEFAULT ${index}`);
    const snapshot = await sqlJsSnapshot(`CREATE TABLE wide (${columns.join(', ')}); INSERT INTO wide DEFAULT VALUES;`);
    expect(snapshot.tables[0]!.rows.count).toBe(1);
  });
});

describe('readSqliteSnapshot queries', () => {
  it('asks two queries however many tables there are, and one when there is nothing', async () => {
    const db = await sqlJsDatabase(VARIED_SCHEMA);
    const empty = await sqlJsDatabase();
    const counted = (source: ReturnType<typeof sqlJsSource>) => {
      const sql: string[] = [];
      return { sql, source: { json: (query: string) => (sql.push(query), source.json(query)) } };
    };
    const full = counted(sqlJsSource(db));
    const none = counted(sqlJsSource(empty));
    await readSqliteSnapshot(full.source, VERSION_TABLE);
    expect(await readSqliteSnapshot(none.source, VERSION_TABLE)).toMatchObject({ tables: [], views: [], versions: null });
    expect([full.sql.length, none.sql.length]).toEqual([2, 1]);
  });
});
