import { describeRule } from './rule-cases.js';

describeRule('ban-inline-references', {
  mysql: {
    bad: [
      'CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id));',
      'ALTER TABLE orders ADD COLUMN customer_id int REFERENCES customers (id);',
      'ALTER TABLE orders ADD (note text, customer_id int REFERENCES customers (id));',
    ],
    good: [
      'CREATE TABLE orders (id int PRIMARY KEY, customer_id int, CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id));',
      'ALTER TABLE orders ADD CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id);',
      'ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);',
      'CREATE TABLE orders_copy LIKE orders;',
    ],
  },
});
