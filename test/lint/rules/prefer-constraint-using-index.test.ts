import { describeRule } from './rule-cases.js';

describeRule('prefer-constraint-using-index', {
  postgresql: {
    bad: [
      'ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);',
      'ALTER TABLE sales.orders ADD PRIMARY KEY (id);',
      'ALTER TABLE orders ADD COLUMN note text, ADD CONSTRAINT orders_code_key UNIQUE (code);',
      'ALTER TABLE orders ADD COLUMN code text UNIQUE;',
      'ALTER TABLE orders ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;',
    ],
    good: [
      'CREATE UNIQUE INDEX CONCURRENTLY orders_code_idx ON orders (code);\nALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE USING INDEX orders_code_idx;',
      'CREATE UNIQUE INDEX CONCURRENTLY orders_code_idx ON orders (code);',
      'ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE USING INDEX orders_code_idx;',
      'ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;',
      'ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;',
      'CREATE TABLE refunds (id int, code text);\nALTER TABLE refunds ADD PRIMARY KEY (id), ADD UNIQUE (code);',
    ],
  },
});
