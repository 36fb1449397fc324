import { describe, expect, test } from 'vitest';
import { freshPglite } from '../../helpers/pglite.js';
import { describeRule } from './rule-cases.js';

describeRule('ban-domain-constraint', {
  postgresql: {
    bad: [
      "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');",
      'CREATE DOMAIN sales.quantity AS int NOT NULL DEFAULT 1;',
      'ALTER DOMAIN quantity ADD CONSTRAINT quantity_positive CHECK (VALUE > 0) NOT VALID;',
      'ALTER DOMAIN quantity ADD CONSTRAINT quantity_present NOT NULL;',
      'ALTER DOMAIN quantity SET NOT NULL;',
    ],
    good: [
      "CREATE DOMAIN email AS text DEFAULT '' COLLATE \"C\";",
      'CREATE DOMAIN note AS text NULL;',
      'ALTER DOMAIN quantity DROP CONSTRAINT quantity_positive;',
      'ALTER DOMAIN quantity DROP NOT NULL;',
      'ALTER DOMAIN quantity VALIDATE CONSTRAINT quantity_positive;',
      "ALTER TABLE customers ADD CONSTRAINT customers_email_at CHECK (email LIKE '%@%') NOT VALID;",
    ],
  },
});

describe('ban-domain-constraint agrees with PostgreSQL (PGlite)', () => {
  test('adding a column of a domain with a constraint rewrites the table, a default notwithstanding; a domain without one does not', async () => {
    const db = await freshPglite();
    await db.exec('CREATE TABLE orders (id int); INSERT INTO orders SELECT generate_series(1, 100);');
    const file = async () => (await db.query<{ file: number }>("SELECT relfilenode AS file FROM pg_class WHERE relname = 'orders'")).rows[0]!.file;
    const rewrites = async (domain: string, column: string) => {
      await db.exec(domain);
      const before = await file();
      await db.exec(column);
      return (await file()) !== before;
    };
    expect(await rewrites('CREATE DOMAIN plain_quantity AS int DEFAULT 1;', 'ALTER TABLE orders ADD COLUMN a plain_quantity;')).toBe(false);
    expect(await rewrites('CREATE DOMAIN quantity AS int CHECK (VALUE > 0);', 'ALTER TABLE orders ADD COLUMN b quantity DEFAULT 1;')).toBe(true);
    expect(await rewrites('CREATE DOMAIN required AS int NOT NULL DEFAULT 1;', 'ALTER TABLE orders ADD COLUMN c required;')).toBe(true);
    expect(await rewrites('ALTER DOMAIN plain_quantity ADD CONSTRAINT positive CHECK (VALUE > 0) NOT VALID;', 'ALTER TABLE orders ADD COLUMN d plain_quantity;')).toBe(true);
    expect(await rewrites('CREATE DOMAIN count4 AS int CHECK (VALUE >= 0);', 'ALTER TABLE orders ALTER COLUMN id TYPE count4;')).toBe(true);
    await db.close();
  });
});
