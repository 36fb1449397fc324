import { describeRule } from './rule-cases.js';

describeRule('require-statement-timeout', {
  postgresql: {
    bad: [
      'ALTER TABLE orders ADD COLUMN note text;',
      'SET statement_timeout = 0;\nCREATE INDEX orders_note ON orders (note);',
      "BEGIN;\nSET LOCAL statement_timeout = '1min';\nCOMMIT;\nALTER TABLE orders ADD COLUMN note text;",
      "SET statement_timeout = '1min';\nRESET ALL;\nTRUNCATE sales.orders;",
      "SET LOCAL statement_timeout = '1min';\nALTER TABLE orders RENAME TO sales;",
      "SET lock_timeout = '5s';\nDROP TABLE orders;",
      'REINDEX (CONCURRENTLY false) INDEX orders_created_at;',
      // The index is new, but the table it locks is not.
      'CREATE INDEX CONCURRENTLY orders_note ON orders (note);\nREINDEX INDEX orders_note;',
    ],
    good: [
      "SET statement_timeout = '1min';\nALTER TABLE orders ADD COLUMN note text;",
      "BEGIN;\nSET LOCAL statement_timeout TO 60000;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;",
      'CREATE TABLE scratch (a int);\nALTER TABLE scratch ADD COLUMN b int;',
      'CREATE INDEX CONCURRENTLY orders_note ON orders (note);',
      'REINDEX (CONCURRENTLY) INDEX orders_created_at;',
      'CREATE TABLE refunds (id int, note text);\nCREATE INDEX refunds_note ON refunds (note);\nREINDEX INDEX refunds_note;',
    ],
  },
});
