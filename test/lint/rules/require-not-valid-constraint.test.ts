import { describeRule } from './rule-cases.js';

describeRule('require-not-valid-constraint', {
  postgresql: {
    bad: [
      'ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0);',
      'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
      'ALTER TABLE orders ADD COLUMN total int DEFAULT 0 CHECK (total >= 0);',
      'ALTER TABLE orders ADD COLUMN customer_id int REFERENCES customers (id);',
      'BEGIN;\nALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive_total;\nCOMMIT;',
      'ALTER DOMAIN money_amount ADD CONSTRAINT non_negative CHECK (VALUE >= 0);',
    ],
    good: [
      'ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;',
      'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
      'ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;',
      'ALTER DOMAIN money_amount ADD CONSTRAINT non_negative CHECK (VALUE >= 0) NOT VALID;',
      'ALTER DOMAIN money_amount VALIDATE CONSTRAINT non_negative;',
      'BEGIN;\nALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;\nCOMMIT;\nBEGIN;\nALTER TABLE orders VALIDATE CONSTRAINT positive_total;\nCOMMIT;',
      'ALTER TABLE orders ADD CONSTRAINT positive_total CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive_total;',
      'ALTER TABLE orders ADD COLUMN customer_id int;\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
      'CREATE TABLE refunds (id int);\nALTER TABLE refunds ADD COLUMN order_id int REFERENCES orders (id);',
      'ALTER TABLE orders ADD CONSTRAINT orders_code UNIQUE USING INDEX orders_code_idx;',
      'CREATE TABLE refunds (id int, total int);\nALTER TABLE refunds ADD CONSTRAINT positive CHECK (total >= 0);',
    ],
  },
});
