import { describeRule } from './rule-cases.js';

const ADD_KEY = 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);';

describeRule('ban-add-foreign-key-with-checks', {
  mysql: {
    bad: [
      ADD_KEY,
      'ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);',
      'ALTER TABLE orders ADD COLUMN customer_id int, ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
      `SET foreign_key_checks = 0;\nSET foreign_key_checks = 1;\n${ADD_KEY}`,
      `SET GLOBAL foreign_key_checks = 0;\n${ADD_KEY}`,
    ],
    good: [
      `SET foreign_key_checks = 0;\n${ADD_KEY}\nSET foreign_key_checks = 1;`,
      `SET SESSION FOREIGN_KEY_CHECKS = OFF;\n${ADD_KEY}`,
      'CREATE TABLE invoices (id int PRIMARY KEY, order_id int);\nALTER TABLE invoices ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);',
      'CREATE TABLE invoices (id int PRIMARY KEY, order_id int, CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id));',
      'ALTER TABLE orders DROP FOREIGN KEY orders_customer_fk;',
      // Asked for in place: the server refuses it unless the checks are off.
      'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id), ALGORITHM=INPLACE;',
    ],
  },
});
