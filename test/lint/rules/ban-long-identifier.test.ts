import { describeRule } from './rule-cases.js';

const LONG = 'order_line_items_with_their_discounts_and_taxes_for_each_country_x';

describeRule('ban-long-identifier', {
  postgresql: {
    bad: [
      `CREATE TABLE ${LONG} (id int);`,
      `CREATE TABLE orders (${LONG} int);`,
      `ALTER TABLE orders ADD COLUMN ${LONG} int;`,
      `ALTER TABLE orders ADD CONSTRAINT ${LONG} CHECK (total >= 0) NOT VALID;`,
      `CREATE INDEX CONCURRENTLY ${LONG} ON orders (total);`,
      `ALTER TABLE orders RENAME TO ${LONG};`,
      `CREATE VIEW ${LONG} AS SELECT 1;`,
      `CREATE TYPE ${LONG} AS ENUM ('a');`,
      // 32 two-byte letters: 32 characters, 64 bytes.
      `CREATE TABLE ${'é'.repeat(32)} (id int);`,
    ],
    good: [
      `CREATE TABLE ${LONG.slice(0, 63)} (id int);`,
      `SELECT * FROM ${LONG};`,
      `CREATE TABLE ${'é'.repeat(31)}x (id int);`,
    ],
  },
});
