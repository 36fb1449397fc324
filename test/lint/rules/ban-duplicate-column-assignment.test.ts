import { describe, expect, test } from 'vitest';
import { freshPglite } from '../../helpers/pglite.js';
import { describeRule, type RuleCases } from './rule-cases.js';

const PAID = 'MERGE INTO orders USING (VALUES (1)) AS paid (id) ON orders.id = paid.id';

const CASES: RuleCases = {
  bad: [
    "UPDATE orders SET status = 'paid', total = 10, status = 'open' WHERE id = 1;",
    'UPDATE orders SET (status, total) = (\'paid\', 10), total = 11 WHERE id = 1;',
    "INSERT INTO orders (id, status, id) VALUES (1, 'paid', 2);",
    "INSERT INTO orders (id, status) VALUES (1, 'paid') ON CONFLICT (id) DO UPDATE SET status = excluded.status, status = 'x';",
    `${PAID} WHEN MATCHED THEN UPDATE SET status = 'paid', status = 'open';`,
    `${PAID} WHEN NOT MATCHED THEN INSERT (id, status, id) VALUES (paid.id, 'paid', 2);`,
    // A whole column beside a field of it, in either order.
    "UPDATE orders SET address = ROW('Oslo', '0150'), address.city = 'Bergen' WHERE id = 1;",
    "UPDATE orders SET address.city = 'Bergen', address = ROW('Oslo', '0150') WHERE id = 1;",
    "INSERT INTO orders (id, address, address.city) VALUES (1, ROW('Oslo', '0150'), 'Bergen');",
    `${PAID} WHEN MATCHED THEN UPDATE SET address = ROW('Oslo', '0150'), address.zip = '0151';`,
    'CREATE TABLE refunds (id int, order_id int, ID bigint);',
    'CREATE FOREIGN TABLE archived_orders (id int, status text, status varchar(20)) SERVER archive;',
    'CREATE TYPE price AS (amount numeric, currency text, amount int);',
    'CREATE VIEW order_ids (id, id) AS SELECT id, total FROM orders;',
    'CREATE VIEW order_totals AS SELECT id AS total, total FROM orders;',
    // Unnamed output columns take the names PostgreSQL makes up: ?column? for a constant, the function's name...
    'CREATE VIEW flags AS SELECT 1, 2;',
    'CREATE VIEW order_counts AS SELECT count(*), count(status) FROM orders;',
    "CREATE VIEW labels AS SELECT 'open'::text, 'paid'::text;",
    'CREATE VIEW order_pairs AS SELECT o.id, r.id FROM orders o JOIN orders r ON r.total = o.total;',
    'CREATE VIEW order_pairs (other_id) AS SELECT o.id AS first_id, r.id AS other_id FROM orders o JOIN orders r ON r.total = o.total;',
    'CREATE MATERIALIZED VIEW order_totals AS SELECT id, total AS id FROM orders;',
    'CREATE TABLE order_copy AS SELECT id, status AS id FROM orders;',
    'SELECT id, total AS id INTO order_copy FROM orders;',
  ],
  good: [
    "UPDATE orders SET status = 'paid', total = 10 WHERE id = 1;",
    'UPDATE orders SET address.city = \'Oslo\', address.zip = \'0150\' WHERE id = 1;',
    "INSERT INTO orders (id, status) VALUES (1, 'paid') ON CONFLICT (id) DO UPDATE SET status = excluded.status;",
    `${PAID} WHEN MATCHED THEN UPDATE SET status = 'paid' WHEN NOT MATCHED THEN INSERT (id, status) VALUES (paid.id, 'open');`,
    'CREATE TABLE refunds (id int, "ID" bigint);',
    'CREATE TYPE price AS (amount numeric, currency text);',
    // A plain SELECT may name two output columns alike; only a table or view made of it may not.
    'SELECT id, total AS id FROM orders;',
    'CREATE VIEW order_ids (id, amount) AS SELECT id, total AS id FROM orders;',
    'CREATE TABLE order_copy (id, first_id) AS SELECT id, id FROM orders;',
    'CREATE VIEW pairs AS VALUES (1, 2);',
    // The first query of a UNION names the columns.
    "CREATE VIEW statuses AS SELECT 'open' AS status, 'paid' AS next UNION SELECT 'paid' AS status, 'paid' AS status;",
    'CREATE VIEW order_flags AS SELECT CASE WHEN total > 0 THEN 1 END, CASE WHEN total > 0 THEN 1 ELSE total END FROM orders;',
  ],
};

describeRule('ban-duplicate-column-assignment', { postgresql: CASES });

describe('ban-duplicate-column-assignment agrees with PostgreSQL (PGlite)', () => {
  test('the server refuses every bad case and runs every good one', async () => {
    const db = await freshPglite();
    await db.exec(`CREATE TYPE address AS (city text, zip text); CREATE TABLE orders (id int PRIMARY KEY, status text, total int, address address);
      CREATE FOREIGN DATA WRAPPER archive_wrapper; CREATE SERVER archive FOREIGN DATA WRAPPER archive_wrapper;`);
    // Each case in a transaction rolled back, so that the objects one creates do not clash with the next.
    const verdict = async (sql: string) => {
      await db.exec('BEGIN');
      const outcome = await db.exec(sql).then(() => 'runs', (error: Error) => `refused: ${error.message}`);
      await db.exec('ROLLBACK');
      return outcome;
    };
    for (const sql of CASES.bad) expect(await verdict(sql), sql).toMatch(/^refused: (multiple assignments to same column|column "[^"]+" specified more than once)/);
    for (const sql of CASES.good) expect(await verdict(sql), sql).toBe('runs');
    await db.close();
  });
});
