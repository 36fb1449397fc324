// The example project (revisions/ at the repo root) rendered by the CLI with --out and applied
// with each engine's own client, under the session settings a DBA may have: upgrade builds the
// schema byte-exact, downgrade takes it away, steps add up to the one-shot script, stamp stamps.
import { describe, expect, it } from 'vitest';
import type { DialectId } from '../src/dialects/dialect-id.js';
import { utf8Hex, type Row } from './harness.js';
import { EXAMPLE_COUNTRIES } from '../test/helpers/example-project.js';
import { renderFor } from '../test/helpers/render.js';
import { renderWithCli, type RenderedFile } from './render.js';
import { TARGETS, firstColumn, withDatabase, type Catalog, type SessionDatabase, type Target } from './targets.js';

const HEAD = '7c9e2b4a1d30';
const ORDERS_REVISION = '3f2a9c1b7d4e';
const VERSIONS = 'SELECT version_num FROM sqlgen_version ORDER BY version_num';

const EXAMPLE_RELATIONS: Row[] = [
  ['countries', 'table'],
  ['customer_order_totals', 'view'],
  ['customers', 'table'],
  ['orders', 'table'],
  ['sqlgen_version', 'table'],
];

const EXAMPLE_COLUMNS: Record<string, string[]> = {
  customers: ['id', 'email', 'full_name', 'country_code', 'created_at', 'loyalty_points'],
  orders: ['id', 'customer_id', 'total', 'status', 'note'],
  countries: ['code', 'name'],
  customer_order_totals: ['customer_id', 'order_count', 'total_spent'],
  sqlgen_version: ['version_num'],
};

/** Portable SQL: two customers (one in NL, which the loyalty revision rewards) and two orders. */
const CUSTOMERS = `INSERT INTO customers (email, full_name, country_code) VALUES ('ana@example.com', 'Ana', 'NL'), ('kenji@example.com', 'Kenji', 'JP');`;
const ORDERS = `INSERT INTO orders (customer_id, total) VALUES (1, 10.25), (1, 5.50);`;

interface ExampleScripts {
  upgrade: RenderedFile;
  downgrade: RenderedFile;
  stamp: RenderedFile;
  firstStep: RenderedFile;
  secondStep: RenderedFile;
}

const REQUESTS = {
  upgrade: { command: 'upgrade', range: 'base:heads' },
  downgrade: { command: 'downgrade', range: 'heads:base' },
  stamp: { command: 'stamp', range: 'heads' },
  firstStep: { command: 'upgrade', range: `base:${ORDERS_REVISION}` },
  secondStep: { command: 'upgrade', range: `${ORDERS_REVISION}:heads` },
} as const satisfies Record<keyof ExampleScripts, { command: 'upgrade' | 'downgrade' | 'stamp'; range: string }>;

const rendered = new Map<DialectId, Promise<ExampleScripts>>();

/** Every script of the example project for `dialect`, rendered by the CLI once per run. */
function scriptsFor(dialect: DialectId): Promise<ExampleScripts> {
  let scripts = rendered.get(dialect);
  if (!scripts) {
    const entries = Object.entries(REQUESTS).map(async ([name, request]) => [name, await renderWithCli(dialect, request.command, request.range)] as const);
    scripts = Promise.all(entries).then((pairs) => Object.fromEntries(pairs) as unknown as ExampleScripts);
    rendered.set(dialect, scripts);
  }
  return scripts;
}

async function expectExampleSchema(db: SessionDatabase, catalog: Catalog): Promise<void> {
  expect(await db.query(catalog.relations)).toEqual(EXAMPLE_RELATIONS);
  for (const [table, columns] of Object.entries(EXAMPLE_COLUMNS)) {
    expect(firstColumn(await db.query(catalog.columns(table))), table).toEqual(columns);
  }
  const countries = await db.query(`SELECT code, ${catalog.utf8Hex('name')} FROM countries ORDER BY code`);
  expect(countries).toEqual(EXAMPLE_COUNTRIES.map(([code, name]) => [code, utf8Hex(name)]));
}

/** Customer id, order count and total spent, as numbers whatever the engine's decimal text. */
async function orderTotals(db: SessionDatabase): Promise<number[][]> {
  const rows = await db.query('SELECT customer_id, order_count, total_spent FROM customer_order_totals ORDER BY customer_id');
  return rows.map((row) => row.map(Number));
}

/** Everything the two ways of upgrading must agree on. */
async function snapshot(db: SessionDatabase, catalog: Catalog): Promise<Record<string, Row[]>> {
  return {
    relations: await db.query(catalog.relations),
    columns: await db.query(catalog.columnDetails),
    indexes: await db.query(catalog.indexes),
    countries: await db.query(`SELECT code, ${catalog.utf8Hex('name')} FROM countries ORDER BY code`),
    versions: await db.query(VERSIONS),
  };
}

describe.each(['postgresql', 'mysql', 'sqlite'] as const)('%s scripts from the CLI', (dialect) => {
  it('are the scripts the library renders from src/ (else the CLI is stale: npm run build)', async () => {
    const scripts = await scriptsFor(dialect);
    for (const [name, request] of Object.entries(REQUESTS)) {
      expect(scripts[name as keyof ExampleScripts].sql, name).toBe(await renderFor(dialect, request));
    }
  });
});

describe.each(TARGETS.map((target) => [target.name, target] as const))('example project on %s', (_, target: Target) => {
  const { catalog } = target;

  it('upgrade base:heads builds the schema byte-exact; downgrade heads:base takes it away', async () => {
    const scripts = await scriptsFor(target.dialect);
    await withDatabase(target, async (db) => {
      await db.apply({ file: scripts.upgrade.file });
      await expectExampleSchema(db, catalog);
      expect(await db.query(VERSIONS)).toEqual([[HEAD]]);

      await db.apply(`${CUSTOMERS}\n${ORDERS}\n`);
      expect(await db.query('SELECT email, loyalty_points FROM customers ORDER BY email')).toEqual([
        ['ana@example.com', '0'],
        ['kenji@example.com', '0'],
      ]);
      expect(await orderTotals(db)).toEqual([
        [1, 2, 15.75],
        [2, 0, 0],
      ]);

      await db.apply({ file: scripts.downgrade.file });
      // Reaching base drops the version table too, as Alembic does.
      expect(await db.query(catalog.relations)).toEqual([]);
    });
  });

  it(`upgrade base:${ORDERS_REVISION} then ${ORDERS_REVISION}:heads reaches the one-shot state`, async () => {
    const scripts = await scriptsFor(target.dialect);
    let oneShot: Record<string, Row[]> = {};
    await withDatabase(target, async (db) => {
      await db.apply({ file: scripts.upgrade.file });
      oneShot = await snapshot(db, catalog);
    });
    await withDatabase(target, async (db) => {
      await db.apply({ file: scripts.firstStep.file });
      expect(await db.query(VERSIONS)).toEqual([[ORDERS_REVISION]]);
      expect(await db.query(catalog.relations)).toEqual([
        ['customers', 'table'],
        ['orders', 'table'],
        ['sqlgen_version', 'table'],
      ]);
      // Customers that exist before the loyalty revision show its UPDATE at work.
      await db.apply(`${CUSTOMERS}\n`);
      await db.apply({ file: scripts.secondStep.file });
      await expectExampleSchema(db, catalog);
      expect(await db.query('SELECT country_code, loyalty_points FROM customers ORDER BY country_code')).toEqual([
        ['JP', '0'],
        ['NL', '100'],
      ]);
      expect(await snapshot(db, catalog)).toEqual(oneShot);
    });
  });

  it('stamp heads on a fresh database creates the version table with the head row', async () => {
    const scripts = await scriptsFor(target.dialect);
    await withDatabase(target, async (db) => {
      await db.apply({ file: scripts.stamp.file });
      expect(await db.query(catalog.relations)).toEqual([['sqlgen_version', 'table']]);
      expect(await db.query(VERSIONS)).toEqual([[HEAD]]);
    });
  });
});
