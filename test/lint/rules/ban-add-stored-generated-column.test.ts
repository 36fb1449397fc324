import { describeRule } from './rule-cases.js';

describeRule('ban-add-stored-generated-column', {
  postgresql: {
    bad: [
      'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;',
      'ALTER TABLE IF EXISTS sales.orders ADD COLUMN total_cents bigint NOT NULL GENERATED ALWAYS AS (total * 100) STORED;',
      'ALTER TABLE orders ADD COLUMN note text, ADD total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;',
    ],
    good: [
      'ALTER TABLE orders ADD COLUMN total_cents bigint;',
      'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) VIRTUAL;',
      'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100);',
      'CREATE TABLE refunds (total numeric);\nALTER TABLE refunds ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;',
      'CREATE TABLE refunds (total numeric, total_cents bigint GENERATED ALWAYS AS (total * 100) STORED);',
    ],
  },
});
