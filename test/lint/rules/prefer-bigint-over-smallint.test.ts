import { describeRule } from './rule-cases.js';

describeRule('prefer-bigint-over-smallint', {
  postgresql: {
    bad: [
      'CREATE TABLE refunds (item_count smallint);',
      'CREATE TABLE refunds (id smallserial PRIMARY KEY);',
      'ALTER TABLE orders ADD COLUMN item_count int2;',
      'ALTER TABLE orders ALTER COLUMN item_count TYPE smallint;',
    ],
    good: ['CREATE TABLE refunds (item_count bigint);', 'ALTER TABLE orders ADD COLUMN item_count integer;', 'CREATE TABLE refunds (item_count app.int2);'],
  },
});
