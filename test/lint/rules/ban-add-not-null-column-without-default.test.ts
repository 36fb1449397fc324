import { describeRule } from './rule-cases.js';

describeRule('ban-add-not-null-column-without-default', {
  postgresql: {
    bad: [
      'ALTER TABLE orders ADD COLUMN status text NOT NULL;',
      'ALTER TABLE IF EXISTS sales.orders ADD COLUMN status text CONSTRAINT status_required NOT NULL;',
      'ALTER TABLE orders ADD COLUMN note text, ADD COLUMN status text NOT NULL;',
      'ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT NULL;',
      'ALTER TABLE orders ADD COLUMN code text PRIMARY KEY;',
    ],
    good: [
      "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';",
      'ALTER TABLE orders ADD COLUMN status text;',
      'ALTER TABLE orders ADD COLUMN seq bigserial NOT NULL;',
      'ALTER TABLE orders ADD COLUMN seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY;',
      'ALTER TABLE orders ADD COLUMN total_cents bigint NOT NULL GENERATED ALWAYS AS (total * 100) STORED;',
      'CREATE TABLE refunds (id int);\nALTER TABLE refunds ADD COLUMN status text NOT NULL;',
    ],
  },
});
