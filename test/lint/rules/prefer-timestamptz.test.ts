import { describeRule } from './rule-cases.js';

describeRule('prefer-timestamptz', {
  postgresql: {
    bad: [
      'CREATE TABLE refunds (created_at timestamp NOT NULL);',
      'CREATE TABLE refunds (created_at timestamp(3) without time zone);',
      'ALTER TABLE orders ADD COLUMN shipped_at timestamp;',
      'ALTER TABLE orders ALTER COLUMN shipped_at TYPE timestamp;',
    ],
    good: [
      'CREATE TABLE refunds (created_at timestamptz NOT NULL);',
      'CREATE TABLE refunds (created_at timestamp with time zone);',
      'ALTER TABLE orders ADD COLUMN shipped_on date;',
      'ALTER TABLE shops ADD COLUMN opens_at time;',
    ],
  },
});
