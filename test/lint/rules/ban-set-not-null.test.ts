import { describeRule } from './rule-cases.js';

describeRule('ban-set-not-null', {
  postgresql: {
    bad: ['ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;'],
    good: [
      'ALTER TABLE orders ADD CONSTRAINT customer_id_not_null CHECK (customer_id IS NOT NULL) NOT VALID;',
      'ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;',
      'CREATE TABLE refunds (id int);\nALTER TABLE refunds ALTER COLUMN id SET NOT NULL;',
    ],
  },
});
