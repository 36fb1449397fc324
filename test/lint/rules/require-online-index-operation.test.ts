import { describeRule } from './rule-cases.js';

describeRule('require-online-index-operation', {
  mssql: {
    bad: [
      'CREATE INDEX ix_orders_ref ON dbo.orders (ref);',
      'CREATE UNIQUE NONCLUSTERED INDEX ux_orders_ref ON [dbo].[orders] ([ref]) INCLUDE (total) WITH (FILLFACTOR = 90);',
      'CREATE CLUSTERED INDEX cx_orders_created ON orders (created_at);',
      'CREATE INDEX ix_orders_ref ON orders (ref) WITH (ONLINE = OFF);',
      'ALTER INDEX ix_orders_ref ON orders REBUILD;',
      'ALTER INDEX ALL ON dbo.orders REBUILD WITH (FILLFACTOR = 80);',
      'ALTER TABLE orders REBUILD;',
      'ALTER TABLE orders ADD CONSTRAINT pk_orders PRIMARY KEY CLUSTERED (id);',
      'ALTER TABLE orders ADD CONSTRAINT uq_orders_ref UNIQUE (ref);',
    ],
    good: [
      'CREATE INDEX ix_orders_ref ON dbo.orders (ref) WITH (ONLINE = ON);',
      'CREATE INDEX ix_orders_ref ON orders (ref) WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 60);',
      'ALTER INDEX ix_orders_ref ON orders REBUILD WITH (ONLINE = ON);',
      'ALTER INDEX ix_orders_ref ON orders REORGANIZE;',
      'ALTER TABLE orders REBUILD WITH (ONLINE = ON);',
      'ALTER TABLE orders ADD CONSTRAINT uq_orders_ref UNIQUE (ref) WITH (ONLINE = ON);',
      'ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id);',
      'CREATE TABLE invoices (id int NOT NULL, ref int);\nCREATE INDEX ix_invoices_ref ON invoices (ref);',
      'CREATE INDEX ix_staging_ref ON #staging (ref);',
      'CREATE PRIMARY XML INDEX px_orders_doc ON orders (doc);',
    ],
  },
});
