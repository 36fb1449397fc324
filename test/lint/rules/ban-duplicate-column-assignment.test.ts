import { describe, expect, test } from 'vitest';
import { freshPglite } from '../../helpers/pglite.js';
import { describeRule, type RuleCases } from './rule-cases.js';

const CASES: RuleCases = {
  bad: [
    "UPDATE orders SET status = 'paid', total = 10, status = 'open' WHERE id = 1;",
    'UPDATE orders SET (status, total) = (\'paid\', 10), total = 11 WHERE id = 1;',
    "INSERT INTO orders (id, status, id) VALUES (1, 'paid', 2);",
    "INSERT INTO orders (id, status) VALUES (1, 'paid') ON CONFLICT (id) DO UPDATE SET status = excluded.status, status = 'x';",
  ],
  good: [
    "UPDATE orders SET status = 'paid', total = 10 WHERE id = 1;",
    'UPDATE orders SET address.city = \'Oslo\', address.zip = \'0150\' WHERE id = 1;',
    "INSERT INTO orders (id, status) VALUES (1, 'paid') ON CONFLICT (id) DO UPDATE SET status = excluded.status;",
  ],
};

describeRule('ban-duplicate-column-assignment', { postgresql: CASES });

describe('ban-duplicate-column-assignment agrees with PostgreSQL (PGlite)', () => {
  test('the server refuses every bad case and runs every good one', async () => {
    const db = await freshPglite();
    await db.exec('CREATE TYPE address AS (city text, zip text); CREATE TABLE orders (id int PRIMARY KEY, status text, total int, address address);');
    const verdict = async (sql: string) => db.exec(sql).then(() => 'runs', (error: Error) => `refused: ${error.message}`);
    for (const sql of CASES.bad) expect(await verdict(sql), sql).toMatch(/^refused: (multiple assignments to same column|column "id" specified more than once)/);
    for (const sql of CASES.good) expect(await verdict(sql), sql).toBe('runs');
    await db.close();
  });
});
