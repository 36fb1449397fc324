import { describeRule } from './rule-cases.js';

describeRule('ban-drop-not-null', {
  postgresql: {
    bad: [
      'ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;',
      'ALTER TABLE IF EXISTS sales.orders ALTER customer_id DROP NOT NULL;',
      'ALTER TABLE orders ADD COLUMN note text, ALTER COLUMN customer_id DROP NOT NULL;',
    ],
    good: [
      '-- sqlgen-lint-disable-next-line ban-drop-not-null -- clients handle NULL since 2024.09\nALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;',
      'ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;',
      'ALTER TABLE orders ALTER COLUMN customer_id DROP DEFAULT;',
      'CREATE TABLE refunds (id int NOT NULL);\nALTER TABLE refunds ALTER COLUMN id DROP NOT NULL;',
    ],
  },
});
