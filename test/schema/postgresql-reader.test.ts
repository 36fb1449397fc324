import type { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPostgresqlSnapshot } from '../../src/schema/readers/postgresql.js';
import { diffSnapshots } from '../../src/schema/schema-diff.js';
import type { Snapshot, SnapshotTable } from '../../src/schema/snapshot.js';
import { freshPglite, runPsqlScript } from '../helpers/pglite.js';
import { EMPTY_ROWS, pgliteCatalogSource, snapshotOnPglite, VARIED_SCHEMA, VERSION_TABLE } from './postgresql-schemas.js';

function tableOf(snapshot: Snapshot, name: string): SnapshotTable {
  const table = snapshot.tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`no table ${name} in [${snapshot.tables.map((t) => t.name).join(', ')}]`);
  return table;
}

const column = { nullable: true, default: null, collation: null, identity: null, generated: null, comment: null };

describe('readPostgresqlSnapshot on the varied schema', () => {
  let snapshot: Snapshot;
  beforeAll(async () => {
    snapshot = await snapshotOnPglite(VARIED_SCHEMA);
  });

  it('lists schemas, types and standalone sequences by definition', () => {
    expect(snapshot.schemas).toEqual(['audit']);
    expect(snapshot.extensions).toEqual([]);
    expect(snapshot.enums).toEqual([{ name: 'order_status', values: ['new', 'paid', 'shipped'] }]);
    expect(snapshot.domains).toEqual([
      { name: 'email', definition: "AS character varying(320) NOT NULL CONSTRAINT email_check CHECK (((VALUE)::text ~~ '%@%'::text))" },
      { name: 'positive_amount', definition: 'AS numeric(12,2) DEFAULT 0 CONSTRAINT positive CHECK ((VALUE >= (0)::numeric))' },
    ]);
    // Identity columns' sequences (orders, audit.events) belong to their columns.
    expect(snapshot.sequences).toEqual([
      { name: 'customers_id_seq', definition: 'AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE OWNED BY customers.id' },
      { name: 'invoice_numbers', definition: 'AS integer START WITH 1000 INCREMENT BY 10 MINVALUE 1 MAXVALUE 2147483647 CACHE 5 NO CYCLE' },
    ]);
  });

  it('keeps the version table out of the tables and reports its rows in byte order', () => {
    expect(snapshot.tables.map((table) => [table.name, table.kind])).toEqual([
      ['audit.events', 'table'],
      ['customers', 'table'],
      ['measurements', 'partitioned table: RANGE (taken_on)'],
      ['measurements_2024', "partition of measurements: FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"],
      ['orders', 'table'],
      ['scratch', 'unlogged table'],
      ['user', 'table'],
    ]);
    expect(snapshot.versions).toEqual(['B3', 'a1', 'b2']);
  });

  it('reads columns in order with types, defaults, collation and comments', () => {
    const customers = tableOf(snapshot, 'customers');
    expect(customers.columns).toEqual([
      { ...column, name: 'id', type: 'integer', nullable: false, default: "nextval('customers_id_seq'::regclass)" },
      { ...column, name: 'email', type: 'email', comment: 'Where receipts go' },
      { ...column, name: 'full_name', type: 'character varying(200)', nullable: false },
      { ...column, name: 'nickname', type: 'text', collation: 'C' },
      { ...column, name: 'tags', type: 'text[]', nullable: false, default: "'{}'::text[]" },
      { ...column, name: 'profile', type: 'jsonb' },
      { ...column, name: 'created_at', type: 'timestamp with time zone', nullable: false, default: 'now()' },
    ]);
    expect(customers.comment).toBe('People who buy');
  });

  it('reads identity and generated columns', () => {
    const orders = tableOf(snapshot, 'orders');
    expect(orders.columns.find((c) => c.name === 'id')).toMatchObject({ type: 'bigint', identity: 'always', default: null, nullable: false });
    expect(orders.columns.find((c) => c.name === 'total_with_tax')).toMatchObject({ generated: '((total)::numeric * 1.21) stored', default: null });
    expect(tableOf(snapshot, 'audit.events').columns[0]).toMatchObject({ name: 'id', identity: 'by default' });
  });

  it('lists constraints without NOT NULL, with NOT VALID where unvalidated', () => {
    expect(tableOf(snapshot, 'orders').constraints).toEqual([
      { name: 'no_huge_invoice', definition: 'CHECK ((invoice < 100000000)) NOT VALID' },
      { name: 'orders_customer_id_fkey', definition: 'FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE CASCADE' },
      { name: 'orders_pkey', definition: 'PRIMARY KEY (id)' },
      { name: 'sensible_total', definition: 'CHECK (((total)::numeric < (1000000)::numeric))' },
    ]);
    expect(tableOf(snapshot, 'audit.events').constraints).toContainEqual({ name: 'events_order_fk', definition: 'FOREIGN KEY (order_id) REFERENCES orders(id) NOT VALID' });
    expect(tableOf(snapshot, 'measurements_2024').constraints).toEqual([]);
  });

  it('lists indexes, naming the constraint an index enforces, and triggers', () => {
    expect(tableOf(snapshot, 'orders').indexes).toEqual([
      { name: 'orders_pkey', definition: 'CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)', constraint: 'orders_pkey' },
      { name: 'orders_unpaid', definition: "CREATE INDEX orders_unpaid ON public.orders USING btree (customer_id) WHERE (status = 'new'::order_status)", constraint: null },
    ]);
    expect(tableOf(snapshot, 'customers').indexes.map((index) => index.definition)).toContain('CREATE INDEX customers_lower_email ON public.customers USING btree (lower((email)::text))');
    // The partition's copy of measurements_taken comes with the parent's index.
    expect(tableOf(snapshot, 'measurements_2024').indexes).toEqual([]);
    expect(tableOf(snapshot, 'orders').triggers).toEqual([
      { name: 'orders_audit', definition: 'CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION audit.record_order()' },
    ]);
  });

  it('reads views, functions and the comments on other objects', () => {
    expect(snapshot.views.map((view) => [view.name, view.materialized, view.comment])).toEqual([
      ['big_paid_orders', false, 'Worth a thank-you note'],
      ['customer_orders', false, null],
      ['customer_totals', true, null],
      ['every_name', false, null],
      ['paid_orders', false, null],
      ['user_names', false, null],
    ]);
    expect(snapshot.views[0]?.definition).toBe(' SELECT id,\n    total\n   FROM paid_orders\n  WHERE total::numeric > 100::numeric;');
    expect(snapshot.functions.map((fn) => fn.name)).toEqual(['add_tax(amount numeric, rate numeric)', 'audit.record_order()']);
    expect(snapshot.functions[1]?.definition).toMatch(/^CREATE OR REPLACE FUNCTION audit\.record_order\(\)\n RETURNS trigger\n LANGUAGE plpgsql\n/);
    expect(snapshot.comments).toEqual([
      { name: 'function audit.record_order()', definition: 'Writes an audit event' },
      { name: 'index orders_unpaid', definition: 'For the reminder job' },
      { name: 'schema audit', definition: 'Who did what' },
      { name: 'sequence invoice_numbers', definition: 'Invoice numbers, by tens' },
      { name: 'type order_status', definition: 'Where an order is' },
    ]);
  });

  it('gives empty tables the fixed empty digest', () => {
    expect(tableOf(snapshot, 'orders').rows).toEqual(EMPTY_ROWS);
  });
});

describe('readPostgresqlSnapshot on rows', () => {
  const TABLE = `CREATE TABLE notes (id serial PRIMARY KEY, uid uuid DEFAULT gen_random_uuid(), body text NOT NULL, kind varchar(10) DEFAULT 'plain', at timestamptz DEFAULT CURRENT_TIMESTAMP, who text DEFAULT current_user);`;
  const INSERT = `INSERT INTO notes (body) VALUES ('b'), ('a'), ('é');`;
  let db: PGlite;
  const rowsOfNotes = async () => tableOf(await readPostgresqlSnapshot(pgliteCatalogSource(db), VERSION_TABLE), 'notes').rows;

  beforeAll(async () => {
    db = await freshPglite();
    await runPsqlScript(db, TABLE + INSERT);
  });
  afterAll(() => db.close());

  it('keeps the digest when rows come back with new ids, uuids and times', async () => {
    const before = await rowsOfNotes();
    await db.exec(`DELETE FROM notes; ${INSERT.replace("('b'), ('a')", "('a'), ('b')")}`);
    expect(await rowsOfNotes()).toEqual(before);
    expect(before.count).toBe(3);
    expect(before.digest).not.toBe(EMPTY_ROWS.digest);
  });

  // A varchar(10) literal default is stored behind a length cast, which is not a call.
  it('changes the digest when the data changes, also in a column with a constant default', async () => {
    const before = await rowsOfNotes();
    await db.exec(`UPDATE notes SET kind = 'rich' WHERE body = 'a'`);
    const after = await rowsOfNotes();
    expect(after.count).toBe(3);
    expect(after.digest).not.toBe(before.digest);
  });
});

describe('readPostgresqlSnapshot normalizes', () => {
  it('ignores column order, including in the row digest', async () => {
    const first = await snapshotOnPglite(`CREATE TABLE t (a integer NOT NULL, b text DEFAULT 'x', c jsonb); INSERT INTO t VALUES (1, 'one', '{"k": [1]}');`);
    const second = await snapshotOnPglite(`CREATE TABLE t (c jsonb, a integer NOT NULL); ALTER TABLE t ADD COLUMN b text DEFAULT 'x'; INSERT INTO t (a, b, c) VALUES (1, 'one', '{"k": [1]}');`);
    expect(tableOf(second, 't').columns.map((c) => c.name)).toEqual(['c', 'a', 'b']);
    expect(diffSnapshots(first, second)).toEqual([]);
  });

  it('reports no version table as null, and finds one in another schema', async () => {
    const empty = await snapshotOnPglite('SELECT 1;');
    expect(empty).toEqual({
      dialect: 'postgresql', schemas: [], extensions: [], enums: [], domains: [], sequences: [], tables: [], views: [], functions: [], comments: [], versions: null,
    });
    const db = await freshPglite();
    await runPsqlScript(db, `CREATE SCHEMA ops; CREATE TABLE ops.revs (version_num varchar(32) PRIMARY KEY); INSERT INTO ops.revs VALUES ('x9');`);
    const snapshot = await readPostgresqlSnapshot(pgliteCatalogSource(db), { schema: 'ops', name: 'revs' });
    await db.close();
    expect(snapshot.tables).toEqual([]);
    expect(snapshot.versions).toEqual(['x9']);
  });

  it('lists an extension by version and leaves out the functions and types it brings', async () => {
    const db = await freshPglite({ citext });
    await runPsqlScript(db, 'CREATE EXTENSION citext; CREATE TABLE handles (name citext PRIMARY KEY);');
    const snapshot = await readPostgresqlSnapshot(pgliteCatalogSource(db), VERSION_TABLE);
    await db.close();
    expect(snapshot.extensions).toEqual([{ name: 'citext', definition: '1.8' }]);
    expect(snapshot.functions).toEqual([]);
    expect(snapshot.comments).toEqual([]);
    expect(tableOf(snapshot, 'handles').columns.map((c) => c.type)).toEqual(['citext']);
  });
});
