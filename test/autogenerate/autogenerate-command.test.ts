import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/engines/pglite.js';
import { renderFor, expectGolden } from '../helpers/render.js';
import { copyExampleProject } from '../helpers/example-project.js';
import { REPO_ROOT, runCli, snapshotTree } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

const PHONE = `  loyalty_points integer NOT NULL DEFAULT 0,
  phone varchar(40)
);

CREATE INDEX customers_phone_idx ON customers (phone);`;

/** A copy of the example project with its declared schema. */
function exampleWithSchema(): string {
  const root = copyExampleProject();
  writeFileSync(path.join(root, 'schema.sql'), readFileSync(path.join(REPO_ROOT, 'schema.sql'), 'utf8'));
  return root;
}

function declare(root: string, edit: (schema: string) => string): void {
  const file = path.join(root, 'schema.sql');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

const driftFindings = (stdout: string) => stdout.split('\n').filter((line) => line.includes('schema-drift'));

describe('revision --autogenerate on the example project', () => {
  it('check reports drift for a schema.sql edit, autogenerate writes the revision a person would, and check is clean after', async () => {
    const root = exampleWithSchema();
    declare(root, (schema) => schema.replace('  loyalty_points integer NOT NULL DEFAULT 0\n);', PHONE));

    const before = await runCli(['check'], root);
    expect(before.exitCode).toBe(1);
    expect(driftFindings(before.stdout)).toEqual([
      'schema.sql:11:1: error schema-drift column customers.phone is in schema.sql but not at head',
      'schema.sql:14:1: error schema-drift index customers_phone_idx on customers is in schema.sql but not at head',
    ]);

    const generated = await runCli(['revision', '--autogenerate', '-m', 'add customer phone', '--rev-id', 'a1b2c3d4e5f6'], root);
    expect(generated.stderr).toContain('Generating revisions/a1b2c3d4e5f6_add_customer_phone.ts ... done');
    expect(generated.stderr).toContain('  add column customers.phone\n  create index customers_phone_idx on customers');
    expect(generated.exitCode).toBe(0);
    expectGolden('autogenerate/add_customer_phone.ts', readFileSync(path.join(root, 'revisions/a1b2c3d4e5f6_add_customer_phone.ts'), 'utf8'));

    const after = await runCli(['check'], root);
    expect(driftFindings(after.stdout)).toEqual([]);
    expect(after.exitCode).toBe(0);
  });

  it('writes nothing and says so when head already matches the declared schema', async () => {
    const root = exampleWithSchema();
    const tree = snapshotTree(root);
    const result = await runCli(['revision', '--autogenerate', '-m', 'nothing'], root);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('No changes: head already matches schema.sql; no revision written.');
    expect(snapshotTree(root)).toEqual(tree);
  });

  it('names the file, the line and the engine message of a schema.sql that does not apply, and writes nothing', async () => {
    const root = exampleWithSchema();
    declare(root, (schema) => schema.replace('  full_name varchar(200) NOT NULL,', '  full_name varchar(200) NOT NULL,\n  born dat NOT NULL,'));
    const tree = snapshotTree(root);
    const result = await runCli(['revision', '--autogenerate', '-m', 'broken'], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: schema\.sql:4: PostgreSQL [\d.]+ \(PGlite [\d.]+, embedded\) refused a statement of the declared schema: type "dat" does not exist/m);
    expect(snapshotTree(root)).toEqual(tree);
    const check = await runCli(['check'], root);
    expect(check.exitCode).toBe(2);
    expect(check.stderr).toContain('schema.sql:4:');
  });

  it('writes a SQL revision with --sql', async () => {
    const root = exampleWithSchema();
    declare(root, (schema) => schema.replace('  loyalty_points integer NOT NULL DEFAULT 0\n);', PHONE));
    const result = await runCli(['revision', '--autogenerate', '--sql', '-m', 'add customer phone', '--rev-id', 'a1b2c3d4e5f6'], root);
    expect(result.exitCode).toBe(0);
    expectGolden('autogenerate/add_customer_phone.sql', readFileSync(path.join(root, 'revisions/a1b2c3d4e5f6_add_customer_phone.sql'), 'utf8'));
  });
});

describe('revision --autogenerate with rename hints', () => {
  const START = [
    '-- sqlgen:id aaaaaaaaaaaa',
    '-- sqlgen:parents',
    '-- sqlgen:message start',
    '',
    '-- sqlgen:upgrade',
    'CREATE TABLE orders (id integer PRIMARY KEY, total numeric(12, 2) NOT NULL);',
    "INSERT INTO orders VALUES (1, 9.50), (2, 12.00);",
  ].join('\n');
  const RENAMED = 'CREATE TABLE purchases (id integer CONSTRAINT orders_pkey PRIMARY KEY, amount numeric(12, 2) NOT NULL);\n';

  it('renames the table and the column, keeping their rows, where the diff alone would drop and create', async () => {
    const hinted = tempProject({ 'sqlgen.config.json': '{"dialect": "postgresql"}', 'revisions/aaaaaaaaaaaa_start.sql': START, 'schema.sql': RENAMED });
    const result = await runCli(['revision', '--autogenerate', '-m', 'rename orders', '--rev-id', 'bbbbbbbbbbbb', '--rename-table', 'orders=purchases', '--rename', 'purchases.total=amount'], hinted);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).not.toContain('Loses data');
    const revision = readFileSync(path.join(hinted, 'revisions/bbbbbbbbbbbb_rename_orders.ts'), 'utf8');
    expect(revision).toContain("op.renameTable('orders', 'purchases');");
    expect(revision).toContain("t.renameColumn('total', 'amount');");
    expect(revision).not.toMatch(/dropTable|dropColumn/);

    const engine = await openPglite({ versionTable: { name: 'sqlgen_version' } }, []);
    try {
      expect((await engine.apply(await renderFor('postgresql', { command: 'upgrade', range: 'base:heads' }, hinted), 'upgrade.sql')).ok).toBe(true);
      const snapshot = await engine.snapshot({ fresh: true });
      expect(snapshot.tables.map((table) => [table.name, table.rows.count, table.columns.map((column) => column.name)])).toEqual([['purchases', 2, ['id', 'amount']]]);
    } finally {
      await engine.close();
    }
  });

  it('refuses a hint that names what head does not have', async () => {
    const root = tempProject({ 'sqlgen.config.json': '{"dialect": "postgresql"}', 'revisions/aaaaaaaaaaaa_start.sql': START, 'schema.sql': RENAMED });
    const result = await runCli(['revision', '--autogenerate', '-m', 'x', '--rename-table', 'order=purchases'], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--rename-table order=purchases: head has no table order');
  });
});

describe('revision --autogenerate where it cannot work', () => {
  it('says plainly that MySQL projects have no embedded engine', async () => {
    const root = tempProject({ 'sqlgen.config.json': '{"dialect": "mysql"}', 'schema.sql': 'CREATE TABLE t (id int);\n', 'revisions/.keep': '' });
    const result = await runCli(['revision', '--autogenerate', '-m', 'x'], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no embedded MySQL engine');
    expect(result.stderr).toContain('PostgreSQL and SQLite');
  });

  it('lists in the file and the output what it cannot express, and proves the rest', async () => {
    const start = ['-- sqlgen:id aaaaaaaaaaaa', '-- sqlgen:parents', '-- sqlgen:message start', '', '-- sqlgen:upgrade', 'CREATE TABLE items (price numeric, tax numeric GENERATED ALWAYS AS (price * 0.2) STORED, note text);'].join('\n');
    const root = tempProject({ 'sqlgen.config.json': '{"dialect": "postgresql"}', 'revisions/aaaaaaaaaaaa_start.sql': start, 'schema.sql': 'CREATE TABLE items (price numeric, tax numeric GENERATED ALWAYS AS (price * 0.25) STORED);\n' });
    const result = await runCli(['revision', '--autogenerate', '-m', 'tax', '--rev-id', 'bbbbbbbbbbbb'], root);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('Not expressed, write it by hand: column items.tax: generated expression changed');
    const revision = readFileSync(path.join(root, 'revisions/bbbbbbbbbbbb_tax.ts'), 'utf8');
    expect(revision).toContain('// Not expressed, write it by hand: column items.tax: generated expression changed');
    expect(revision).toContain("t.dropColumn('note');");
  });
});

describe('a declared schema written with knex builders (schema.ts)', () => {
  const START = [
    "import { defineRevision } from 'sqlgen';",
    'export default defineRevision({',
    "  id: 'aaaaaaaaaaaa', parents: [], message: 'customers',",
    "  upgrade(op) { op.createTable('customers', (t) => { t.increments('id'); t.string('email', 320).notNullable().unique(); t.timestamp('created_at').notNullable().defaultTo(op.fn.now()); }); },",
    "  downgrade(op) { op.dropTable('customers'); },",
    '});',
  ].join('\n');
  const SCHEMA = [
    "import { defineSchema } from 'sqlgen';",
    'export default defineSchema({',
    "  customers: (t, op) => { t.increments('id'); t.string('email', 320).notNullable().unique(); t.timestamp('created_at').notNullable().defaultTo(op.fn.now()); },",
    "  notes: (t) => { t.increments('id'); t.integer('customer_id').notNullable().references('id').inTable('customers'); t.text('body'); },",
    '});',
  ].join('\n');

  it.each(['postgresql', 'sqlite'])('on %s: renders it for the dialect, reports the drift, and autogenerates the new table', async (dialect) => {
    const root = tempProject({ 'sqlgen.config.json': JSON.stringify({ dialect, schema: 'schema.ts' }), 'revisions/aaaaaaaaaaaa_customers.ts': START, 'schema.ts': SCHEMA });
    const before = await runCli(['check'], root);
    expect(driftFindings(before.stdout)).toEqual([expect.stringMatching(/^schema\.ts:4:1: error schema-drift table notes is in schema\.ts but not at head$/)]);
    const result = await runCli(['revision', '--autogenerate', '-m', 'notes', '--rev-id', 'bbbbbbbbbbbb'], root);
    expect(result.stderr).toContain('  create table notes');
    expect(result.exitCode).toBe(0);
    if (dialect === 'postgresql') return; // the same check as on SQLite, at twice the cost
    const after = await runCli(['check'], root);
    expect(driftFindings(after.stdout)).toEqual([]);
  });
});
