import { describeRule } from './rule-cases.js';

describeRule('require-concurrent-index-deletion', {
  postgresql: {
    bad: [
      'DROP INDEX orders_created_at;',
      'DROP INDEX IF EXISTS sales.orders_created_at;',
      'DROP INDEX orders_created_at, orders_note CASCADE;',
      'BEGIN;\nDROP INDEX orders_created_at;\nCOMMIT;',
      'CREATE INDEX orders_note ON orders (note);\nDROP INDEX orders_note, orders_created_at;',
      // The index is new, but the table it locks is not.
      'CREATE INDEX CONCURRENTLY orders_note ON orders (note);\nDROP INDEX orders_note;',
    ],
    good: [
      'DROP INDEX CONCURRENTLY orders_created_at;',
      'DROP INDEX CONCURRENTLY IF EXISTS sales.orders_created_at;',
      'DROP TABLE orders;',
      'CREATE TABLE refunds (id int, note text);\nCREATE INDEX refunds_note ON refunds (note);\nDROP INDEX refunds_note;',
    ],
  },
});
