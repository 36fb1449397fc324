import { describe, expect, test } from 'vitest';
import { lintScript } from '../../../src/lint/engine.js';
import { freshPglite, runPsqlScript } from '../../helpers/pglite.js';
import { describeRule } from './rule-cases.js';

/** Each script runs outside a transaction block, and runs once without an error on SETUP. */
const BAD = [
  'CREATE TABLE refunds (id bigint);',
  'CREATE TABLE refunds AS SELECT * FROM orders;',
  'CREATE INDEX CONCURRENTLY orders_total ON orders (total);',
  'CREATE INDEX orders_total ON orders (total);',
  'CREATE INDEX CONCURRENTLY ON orders (total);',
  'ALTER TABLE orders ADD COLUMN note text;',
  'ALTER TABLE orders DROP COLUMN total;',
  'ALTER TABLE orders DROP CONSTRAINT orders_id_positive;',
  'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;',
  'ALTER TABLE orders ADD CHECK (total > 0) NOT VALID;',
  'ALTER TABLE old_orders DROP CONSTRAINT IF EXISTS orders_total_positive;\nALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);',
  'DROP TABLE old_orders;',
  'DROP INDEX CONCURRENTLY old_orders_id;',
  'DROP TYPE order_status;',
  'BEGIN;\nCOMMIT;\nCREATE TABLE refunds (id bigint);',
];

/** Scripts that run a second time on what their first run left, with the same result. */
const RERUNNABLE = [
  'CREATE TABLE IF NOT EXISTS refunds (id bigint);',
  'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_total ON orders (total);',
  'DROP INDEX CONCURRENTLY IF EXISTS orders_total;\nCREATE INDEX CONCURRENTLY orders_total ON orders (total);',
  'ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;',
  'ALTER TABLE orders DROP COLUMN IF EXISTS total;',
  'ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_positive;\nALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;',
  'ALTER TABLE orders ALTER COLUMN total SET NOT NULL;',
  'ALTER TABLE orders VALIDATE CONSTRAINT orders_id_positive;',
  'DROP TABLE IF EXISTS old_orders;',
];

describeRule('prefer-robust-statements', {
  postgresql: {
    bad: BAD,
    good: [
      ...RERUNNABLE,
      // A failure inside the transaction undoes all of it, so the script can simply be run again.
      'BEGIN;\nCREATE TABLE refunds (id bigint);\nALTER TABLE orders ADD COLUMN note text;\nDROP INDEX old_orders_id;\nCOMMIT;',
      // A temporary table ends with the session that failed; psql runs the script again in a new one.
      'CREATE TEMPORARY TABLE scratch (id bigint);',
    ],
  },
});

describe('prefer-robust-statements: where the findings are', () => {
  const lines = async (sql: string, assumeInTransaction = false) =>
    (await lintScript(sql, { file: 'm.sql', dialect: 'postgresql', assumeInTransaction })).filter((finding) => finding.ruleId === 'prefer-robust-statements').map((finding) => finding.location.line);

  test('a DROP CONSTRAINT guards one ADD CONSTRAINT of that name on that table, not a second', async () => {
    const drop = 'ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_positive;';
    const add = 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);';
    expect(await lines([drop, add, add].join('\n'))).toEqual([3]);
  });

  test('--assume-in-transaction: the file runs in one transaction, so nothing is reported', async () => {
    expect(await lines(BAD[0]!, true)).toEqual([]);
    expect(await lines(BAD[0]!)).toEqual([1]);
  });
});

describe('prefer-robust-statements agrees with PostgreSQL (PGlite)', () => {
  const SETUP = `CREATE TABLE orders (id int CONSTRAINT orders_id_positive CHECK (id > 0), total int);
    CREATE TABLE old_orders (id int);
    CREATE INDEX old_orders_id ON old_orders (id);
    CREATE TYPE order_status AS ENUM ('open');`;
  const OBJECTS = `SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)
    + (SELECT count(*) FROM pg_constraint WHERE connamespace = 'public'::regnamespace) AS count`;

  test('a second run of each bad script fails or adds objects again; each re-runnable one runs again to the same schema', async () => {
    const db = await freshPglite();
    const objects = async () => Number((await db.query<{ count: number }>(OBJECTS)).rows[0]!.count);
    const secondRun = async (script: string): Promise<string> => {
      await db.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public; ${SETUP}`);
      await runPsqlScript(db, script);
      const after = await objects();
      const failure = await runPsqlScript(db, script).then(() => undefined, (error: Error) => error.message);
      if (failure) return `fails: ${failure}`;
      return (await objects()) === after ? 'same' : 'adds objects again';
    };
    for (const script of BAD) expect(await secondRun(script), script).not.toBe('same');
    for (const script of RERUNNABLE) expect(await secondRun(script), script).toBe('same');
    await db.close();
  });

  test('a failed CREATE INDEX CONCURRENTLY leaves an invalid index that IF NOT EXISTS keeps, and DROP ... IF EXISTS first replaces', async () => {
    const db = await freshPglite();
    await db.exec('CREATE TABLE orders (total int); INSERT INTO orders VALUES (1), (1);');
    await expect(db.exec('CREATE UNIQUE INDEX CONCURRENTLY orders_total ON orders (total);')).rejects.toThrow('could not create unique index');
    await db.exec('DELETE FROM orders WHERE ctid = (SELECT min(ctid) FROM orders);');
    const valid = async () => (await db.query<{ valid: boolean }>("SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'orders_total'::regclass")).rows[0]!.valid;
    await db.exec('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_total ON orders (total);');
    expect(await valid()).toBe(false);
    await runPsqlScript(db, 'DROP INDEX CONCURRENTLY IF EXISTS orders_total;\nCREATE UNIQUE INDEX CONCURRENTLY orders_total ON orders (total);');
    expect(await valid()).toBe(true);
    await db.close();
  });
});
