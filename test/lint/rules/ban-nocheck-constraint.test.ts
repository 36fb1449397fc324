import { describeRule } from './rule-cases.js';

describeRule('ban-nocheck-constraint', {
  mssql: {
    bad: [
      'ALTER TABLE dbo.orders WITH NOCHECK ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES dbo.customers (id);',
      'ALTER TABLE orders WITH NOCHECK ADD CONSTRAINT quantity_positive CHECK (quantity > 0);',
      'ALTER TABLE orders NOCHECK CONSTRAINT orders_customer_fk;',
      'ALTER TABLE orders NOCHECK CONSTRAINT ALL;',
      'ALTER TABLE orders WITH NOCHECK CHECK CONSTRAINT orders_customer_fk;',
      // Re-enabled constraints default to WITH NOCHECK.
      'ALTER TABLE orders CHECK CONSTRAINT ALL;',
    ],
    good: [
      'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
      'ALTER TABLE orders WITH CHECK ADD CONSTRAINT quantity_positive CHECK (quantity > 0);',
      'ALTER TABLE orders WITH CHECK CHECK CONSTRAINT orders_customer_fk;',
      'CREATE TABLE invoices (id int PRIMARY KEY, order_id int);\nALTER TABLE invoices WITH NOCHECK ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);',
      'ALTER TABLE #staging NOCHECK CONSTRAINT ALL;',
    ],
  },
});
