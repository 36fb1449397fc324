import { describe, expect, test } from 'vitest';
import { freshPglite } from '../../helpers/pglite.js';
import { describeRule } from './rule-cases.js';

describeRule('ban-add-enum-value-without-position', {
  postgresql: {
    bad: ["ALTER TYPE order_status ADD VALUE 'in_review';", "ALTER TYPE sales.order_status ADD VALUE IF NOT EXISTS 'in_review';"],
    good: [
      "ALTER TYPE order_status ADD VALUE 'in_review' BEFORE 'approved';",
      "ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'archived' AFTER 'approved';",
      "ALTER TYPE order_status RENAME VALUE 'approved' TO 'accepted';",
      "CREATE TYPE order_status AS ENUM ('draft', 'submitted', 'approved');",
    ],
  },
});

describe('ban-add-enum-value-without-position agrees with PostgreSQL (PGlite)', () => {
  test('a plain ADD VALUE ranks last; BEFORE places it; AFTER the last value is a plain ADD with an OID in order, a value in between gets an odd one', async () => {
    const db = await freshPglite();
    await db.exec("CREATE TYPE order_status AS ENUM ('draft', 'submitted', 'approved');");
    await db.exec("ALTER TYPE order_status ADD VALUE 'in_review';");
    await db.exec("ALTER TYPE order_status ADD VALUE 'held' BEFORE 'approved';");
    await db.exec("ALTER TYPE order_status ADD VALUE 'archived' AFTER 'in_review';");
    const order = await db.query<{ labels: string }>("SELECT array_to_string(enum_range(NULL::order_status), ',') AS labels");
    expect(order.rows[0]!.labels).toBe('draft,submitted,held,approved,in_review,archived');
    const notApproved = await db.query<{ count: number }>("SELECT count(*)::int AS count FROM unnest(enum_range(NULL::order_status)) AS status WHERE status < 'approved'");
    expect(notApproved.rows[0]!.count).toBe(3);
    const parity = await db.query<{ label: string; odd: boolean }>("SELECT enumlabel AS label, oid::int % 2 = 1 AS odd FROM pg_enum WHERE enumtypid = 'order_status'::regtype AND enumlabel IN ('in_review', 'held', 'archived') ORDER BY enumsortorder");
    expect(parity.rows).toEqual([
      { label: 'held', odd: true },
      { label: 'in_review', odd: false },
      { label: 'archived', odd: false },
    ]);
    await db.close();
  });
});
