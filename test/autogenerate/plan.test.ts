import { describe, expect, it } from 'vitest';
import { planPostgresql } from '../../src/autogenerate/plan-postgresql.js';
import { planSqlite } from '../../src/autogenerate/plan-sqlite.js';
import { revisionBody } from '../../src/autogenerate/revision-body.js';
import type { Snapshot, SnapshotColumn, SnapshotTable } from '../../src/schema/snapshot.js';

// The planners are pure: snapshots built inline in, steps out. The property tests prove the
// steps on engines; these pin down the choices a reviewer reads in the file.

function snapshot(dialect: Snapshot['dialect'], parts: Partial<Snapshot>): Snapshot {
  return { dialect, schemas: [], extensions: [], enums: [], domains: [], sequences: [], tables: [], views: [], functions: [], comments: [], versions: null, ...parts };
}

function column(name: string, type: string, extra: Partial<SnapshotColumn> = {}): SnapshotColumn {
  return { name, type, nullable: true, default: null, collation: null, identity: null, generated: null, comment: null, ...extra };
}

function table(name: string, columns: SnapshotColumn[], extra: Partial<SnapshotTable> = {}): SnapshotTable {
  return { name, kind: 'table', columns, constraints: [], indexes: [], triggers: [], comment: null, rows: { count: 0, digest: '' }, ...extra };
}

const customers = (...more: SnapshotColumn[]) =>
  table('customers', [column('id', 'integer', { nullable: false }), column('email', 'character varying(320)', { nullable: false }), ...more], {
    constraints: [{ name: 'customers_pkey', definition: 'PRIMARY KEY (id)' }],
    indexes: [{ name: 'customers_pkey', definition: 'CREATE UNIQUE INDEX customers_pkey ON public.customers USING btree (id)', constraint: 'customers_pkey' }],
  });

describe('planPostgresql', () => {
  it('adds a column as knex would write it, and drops it on the way down, marked as losing data', () => {
    const before = snapshot('postgresql', { tables: [customers()] });
    const after = snapshot('postgresql', { tables: [customers(column('status', 'character varying(20)', { nullable: false, default: "'new'::character varying" }))] });
    const up = planPostgresql(before, after);
    expect(up.steps).toEqual([
      {
        summary: 'add column customers.status',
        sql: ["ALTER TABLE customers ADD COLUMN status character varying(20) DEFAULT 'new'::character varying NOT NULL"],
        call: ["op.alterTable('customers', (t) => {", "  t.string('status', 20).notNullable().defaultTo('new');", '});'],
      },
    ]);
    expect(planPostgresql(after, before).steps).toEqual([expect.objectContaining({ summary: 'drop column customers.status', losesData: 'drops column customers.status and its values' })]);
  });

  it('puts a new enum label in its place, and recreates the type when a label goes', () => {
    const mood = (values: string[]) => snapshot('postgresql', { enums: [{ name: 'mood', values }], tables: [customers(column('mood', 'mood', { default: "'ok'::mood" }))] });
    expect(planPostgresql(mood(['sad', 'ok']), mood(['sad', 'meh', 'ok'])).steps.map((step) => step.sql)).toEqual([["ALTER TYPE mood ADD VALUE 'meh' AFTER 'sad'"]]);
    const down = planPostgresql(mood(['sad', 'meh', 'ok']), mood(['sad', 'ok']));
    expect(down.steps.map((step) => step.sql)).toEqual([
      [
        'ALTER TYPE mood RENAME TO mood_old',
        "CREATE TYPE mood AS ENUM ('sad', 'ok')",
        'ALTER TABLE customers ALTER COLUMN mood DROP DEFAULT',
        'ALTER TABLE customers ALTER COLUMN mood TYPE mood USING mood::text::mood',
        "ALTER TABLE customers ALTER COLUMN mood SET DEFAULT 'ok'::mood",
      ],
      ['DROP TYPE mood_old'],
    ]);
    expect(down.steps[0]!.losesData).toBe("enum mood loses 'meh': the cast fails on rows that hold them");
  });

  it('drops a view over a column whose type changes, and makes it again after', () => {
    const view = { name: 'emails', materialized: false, definition: ' SELECT email\n   FROM customers;', comment: null };
    const before = snapshot('postgresql', { tables: [customers()], views: [view] });
    const widened = customers();
    const after = snapshot('postgresql', { tables: [{ ...widened, columns: [widened.columns[0]!, column('email', 'text', { nullable: false })] }], views: [view] });
    const steps = planPostgresql(before, after).steps;
    expect(steps.map((step) => step.summary)).toEqual(['drop view emails', 'alter column customers.email', 'create view emails']);
    expect(steps[1]!.losesData).toBeUndefined();
  });

  it('builds an index on a table in use CONCURRENTLY outside the transaction where the revision can', () => {
    const indexed = customers();
    const after = snapshot('postgresql', { tables: [{ ...indexed, indexes: [...indexed.indexes, { name: 'customers_email_idx', definition: 'CREATE INDEX customers_email_idx ON public.customers USING btree (email)', constraint: null }] }] });
    const plan = planPostgresql(snapshot('postgresql', { tables: [customers()] }), after);
    expect(revisionBody(plan, 'ts', 'calls')).toBe(["    op.outsideTransaction(() => {", "      op.execute('CREATE INDEX CONCURRENTLY customers_email_idx ON customers (email)');", '    });'].join('\n'));
    expect(revisionBody(plan, 'sql', 'calls')).toBe('CREATE INDEX customers_email_idx ON customers (email);');
  });
});

describe('planPostgresql, comments', () => {
  const indexed = (comment: boolean, index = true) => {
    const base = customers();
    const indexes = index ? [...base.indexes, { name: 'customers_email_idx', definition: 'CREATE INDEX customers_email_idx ON public.customers USING btree (email)', constraint: null }] : base.indexes;
    return snapshot('postgresql', { tables: [{ ...base, indexes }], comments: comment ? [{ name: 'index customers_email_idx', definition: 'by email' }] : [] });
  };

  it('removes a comment from an object that stays, and leaves one that goes with its object alone', () => {
    expect(planPostgresql(indexed(true), indexed(false)).steps.map((step) => step.sql)).toEqual([['COMMENT ON INDEX customers_email_idx IS NULL']]);
    expect(planPostgresql(indexed(true), indexed(false, false)).steps.map((step) => step.summary)).toEqual(['drop index customers_email_idx on customers']);
  });
});

describe('planSqlite', () => {
  const people = (...more: SnapshotColumn[]) => table('people', [column('id', 'integer'), column('name', 'text'), ...more], { constraints: [{ name: 'primary key', definition: 'PRIMARY KEY (id)' }] });

  it('adds a plain column with ALTER TABLE', () => {
    const steps = planSqlite(snapshot('sqlite', { tables: [people()] }), snapshot('sqlite', { tables: [people(column('age', 'integer', { default: '0', nullable: false }))] })).steps;
    expect(steps.map((step) => step.sql)).toEqual([['ALTER TABLE people ADD COLUMN age integer NOT NULL DEFAULT 0']]);
  });

  it('rebuilds the table for a change ALTER TABLE cannot make, copying the columns both have', () => {
    const retyped = people();
    const after = snapshot('sqlite', { tables: [{ ...retyped, columns: [retyped.columns[0]!, column('name', 'varchar(40)', { nullable: false, default: "'x'" })] }] });
    const [foreignKeysOff, rebuild] = planSqlite(snapshot('sqlite', { tables: [people()] }), after).steps;
    // DROP TABLE with foreign keys enforced deletes the rows that reference the table's rows first.
    expect(foreignKeysOff!.outside).toEqual(['PRAGMA foreign_keys = OFF']);
    expect(rebuild!.summary).toBe('rebuild table people');
    expect(rebuild!.sql.slice(1)).toEqual(['INSERT INTO sqlgen_new_people (id, name) SELECT id, name FROM people', 'DROP TABLE people', 'ALTER TABLE sqlgen_new_people RENAME TO people']);
    // text and varchar(40) have the same affinity: no value changes.
    expect(rebuild!.losesData).toBeUndefined();
  });
});
