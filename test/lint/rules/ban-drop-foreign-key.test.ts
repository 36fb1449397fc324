import { describeRule } from './rule-cases.js';

describeRule('ban-drop-foreign-key', {
  postgresql: {
    bad: [
      'ALTER TABLE orders DROP CONSTRAINT orders_customer_id_foreign;',
      'ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_customer_id_fkey;',
      'ALTER TABLE orders ADD CONSTRAINT customer FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\nALTER TABLE orders DROP CONSTRAINT customer;',
    ],
    good: [
      'ALTER TABLE orders DROP CONSTRAINT orders_total_check;',
      'CREATE TABLE scratch (a int CONSTRAINT scratch_a_fkey REFERENCES orders);\nALTER TABLE scratch DROP CONSTRAINT scratch_a_fkey;',
    ],
  },
  mysql: {
    bad: ['ALTER TABLE orders DROP FOREIGN KEY fk_customer;', 'ALTER TABLE orders DROP CONSTRAINT orders_ibfk_1;'],
    good: [
      'ALTER TABLE orders DROP CONSTRAINT chk_total;',
      'ALTER TABLE orders DROP INDEX fk_customer;',
      'CREATE TABLE scratch (a int);\nALTER TABLE scratch DROP FOREIGN KEY scratch_a_foreign;',
    ],
  },
  mssql: {
    bad: [
      'ALTER TABLE dbo.orders DROP CONSTRAINT FK__orders__custome__5EBF139D;',
      'ALTER TABLE dbo.orders DROP orders_customer_id_foreign;',
      'ALTER TABLE dbo.orders ADD CONSTRAINT customer FOREIGN KEY (customer_id) REFERENCES dbo.customers (id);\nALTER TABLE dbo.orders DROP CONSTRAINT customer;',
    ],
    good: ['ALTER TABLE dbo.orders DROP CONSTRAINT df_orders_total;'],
  },
});
