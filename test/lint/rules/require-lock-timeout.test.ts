import { describeRule } from './rule-cases.js';

describeRule('require-lock-timeout', {
  postgresql: {
    bad: [
      'ALTER TABLE orders ADD COLUMN note text;',
      'SET lock_timeout = 0;\nALTER TABLE orders ADD COLUMN note text;',
      "BEGIN;\nSET LOCAL lock_timeout = '2s';\nCOMMIT;\nALTER TABLE orders ADD COLUMN note text;",
      "SET lock_timeout = '2s';\nRESET lock_timeout;\nDROP TABLE orders;",
      'LOCK TABLE orders IN ACCESS EXCLUSIVE MODE;',
      'CLUSTER orders USING orders_pkey;',
      'REINDEX TABLE orders;',
      'VACUUM FULL orders;',
      'REFRESH MATERIALIZED VIEW order_totals;',
      'DROP INDEX orders_note;',
      'DROP VIEW open_orders;',
      'REINDEX (CONCURRENTLY false) INDEX orders_created_at;',
      // The index is new, but the table it locks is not.
      'CREATE INDEX CONCURRENTLY orders_note ON orders (note);\nDROP INDEX orders_note;',
    ],
    good: [
      "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;",
      "BEGIN;\nSET LOCAL lock_timeout TO 2000;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;",
      'CREATE TABLE scratch (a int);\nALTER TABLE scratch ADD COLUMN b int;',
      'CREATE INDEX CONCURRENTLY orders_note ON orders (note);',
      'REINDEX TABLE CONCURRENTLY orders;',
      'VACUUM orders;',
      'REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;',
      'DROP INDEX CONCURRENTLY orders_note;',
      "COMMENT ON TABLE orders IS 'what customers bought';",
      'REINDEX (CONCURRENTLY) INDEX orders_created_at;',
      'REINDEX (CONCURRENTLY true, VERBOSE) TABLE orders;',
      'VACUUM (FULL false) orders;',
      'CREATE TABLE refunds (id int, note text);\nCREATE INDEX refunds_note ON refunds (note);\nDROP INDEX refunds_note;',
    ],
  },
});
