import { describeRule } from './rule-cases.js';

describeRule('require-concurrent-reindex', {
  postgresql: {
    bad: [
      'REINDEX INDEX orders_created_at;',
      'REINDEX TABLE sales.orders;',
      'REINDEX (VERBOSE) TABLE orders;',
      'REINDEX (CONCURRENTLY false) INDEX orders_created_at;',
      'REINDEX SCHEMA sales;',
      'REINDEX DATABASE;',
      // The index is new, but the table it locks is not.
      'CREATE INDEX CONCURRENTLY orders_note ON orders (note);\nREINDEX INDEX orders_note;',
    ],
    good: [
      'REINDEX INDEX CONCURRENTLY orders_created_at;',
      'REINDEX TABLE CONCURRENTLY sales.orders;',
      'REINDEX (CONCURRENTLY, VERBOSE) SCHEMA sales;',
      'REINDEX SYSTEM;',
      'CREATE TABLE scratch (a int);\nREINDEX TABLE scratch;',
      'CREATE TABLE refunds (id int, note text);\nCREATE INDEX refunds_note ON refunds (note);\nREINDEX INDEX refunds_note;',
    ],
  },
});
