import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlJs } from '../../src/engines/sqljs.js';
import { renderFor } from '../helpers/render.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { startRevision } from './schema-pair-case.js';

const driftFindings = (stdout: string) => stdout.split('\n').filter((line) => line.includes('schema-drift'));

// On SQLite: renames are the same statements there, and sql.js starts in milliseconds where PGlite takes a second.
describe('revision --autogenerate with rename hints', () => {
  const START = startRevision(
    'CREATE TABLE orders (id integer PRIMARY KEY, total numeric(12, 2) NOT NULL);',
    "INSERT INTO orders VALUES (1, 9.50), (2, 12.00);",
  );
  const RENAMED = 'CREATE TABLE purchases (id integer PRIMARY KEY, amount numeric(12, 2) NOT NULL);\n';
  const CONFIG = '{"dialect": "sqlite"}';

  it('renames the table and the column, keeping their rows, where the diff alone would drop and create', async () => {
    const hinted = tempProject({ 'sqlgen.config.json': CONFIG, 'revisions/aaaaaaaaaaaa_start.sql': START, 'schema.sql': RENAMED });
    const result = await runCli(['revision', '--autogenerate', '-m', 'rename orders', '--rev-id', 'bbbbbbbbbbbb', '--rename-table', 'orders=purchases', '--rename', 'purchases.total=amount'], hinted);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).not.toContain('Loses data');
    const revision = readFileSync(path.join(hinted, 'revisions/bbbbbbbbbbbb_rename_orders.ts'), 'utf8');
    expect(revision).toContain("op.renameTable('orders', 'purchases');");
    expect(revision).toContain("t.renameColumn('total', 'amount');");
    expect(revision).not.toMatch(/dropTable|dropColumn/);

    const engine = await openSqlJs({ versionTable: { name: 'sqlgen_version' } });
    try {
      expect((await engine.apply(await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, hinted), 'upgrade.sql')).ok).toBe(true);
      const snapshot = await engine.snapshot({ fresh: true });
      expect(snapshot.tables.map((table) => [table.name, table.rows.count, table.columns.map((column) => column.name)])).toEqual([['purchases', 2, ['id', 'amount']]]);
    } finally {
      await engine.close();
    }
  });

  it('refuses a hint that names what head does not have', async () => {
    const root = tempProject({ 'sqlgen.config.json': CONFIG, 'revisions/aaaaaaaaaaaa_start.sql': START, 'schema.sql': RENAMED });
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
    const start = startRevision('CREATE TABLE items (price numeric, tax numeric GENERATED ALWAYS AS (price * 0.2) STORED, note text);');
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
    if (dialect === 'postgresql') {
      // The drift check is the same on both; on PostgreSQL, where each run costs a PGlite start, the revision alone.
      const result = await runCli(['revision', '--autogenerate', '-m', 'notes'], root);
      expect(result.stderr).toContain('  create table notes');
      expect(result.exitCode).toBe(0);
      return;
    }
    const before = await runCli(['check'], root);
    expect(driftFindings(before.stdout)).toEqual([expect.stringMatching(/^schema\.ts:4:1: error schema-drift table notes is in schema\.ts but not at head$/)]);
    const result = await runCli(['revision', '--autogenerate', '-m', 'notes', '--rev-id', 'bbbbbbbbbbbb'], root);
    expect(result.stderr).toContain('Upgrade (op calls), proven');
    expect(result.exitCode).toBe(0);
    expect(readFileSync(path.join(root, 'revisions/bbbbbbbbbbbb_notes.ts'), 'utf8')).toContain(
      ["    op.createTable('notes', (t) => {", "      t.increments('id');", "      t.integer('customer_id').notNullable();", "      t.text('body');", "      t.foreign(['customer_id']).references(['id']).inTable('customers');", '    });'].join('\n'),
    );
    const after = await runCli(['check'], root);
    expect(driftFindings(after.stdout)).toEqual([]);
  });
});

describe('revision --autogenerate on SQLite, where foreign keys are enforced', () => {
  const START = startRevision(
    'CREATE TABLE customers (id integer PRIMARY KEY, name varchar(20));',
    'CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id) ON DELETE CASCADE);',
    "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace');",
    'INSERT INTO orders VALUES (10, 1), (11, 2);',
  );
  const DECLARED = 'CREATE TABLE customers (id integer PRIMARY KEY, name varchar(20) NOT NULL DEFAULT \'\');\nCREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id) ON DELETE CASCADE);\n';

  it('turns enforcement off before it rebuilds a referenced table, so no referencing row is deleted', async () => {
    const root = tempProject({ 'sqlgen.config.json': '{"dialect": "sqlite"}', 'revisions/aaaaaaaaaaaa_start.sql': START, 'schema.sql': DECLARED });
    const result = await runCli(['revision', '--autogenerate', '-m', 'name required', '--rev-id', 'bbbbbbbbbbbb'], root);
    expect(result.stderr).toContain('  rebuild table customers');
    expect(result.exitCode).toBe(0);
    const engine = await openSqlJs({ versionTable: { name: 'sqlgen_version' } });
    try {
      // As a DBA's sqlite3 with foreign keys on (a build default, or a .sqliterc) runs the scripts.
      expect((await engine.apply('PRAGMA foreign_keys = ON;', 'session.sql')).ok).toBe(true);
      const outcome = await engine.apply(await renderFor('sqlite', { command: 'upgrade', range: 'base:heads' }, root), 'upgrade.sql');
      expect(outcome.ok).toBe(true);
      const snapshot = await engine.snapshot({ fresh: true });
      expect(snapshot.tables.map((table) => [table.name, table.rows.count])).toEqual([['customers', 2], ['orders', 2]]);
    } finally {
      await engine.close();
    }
  });
});
