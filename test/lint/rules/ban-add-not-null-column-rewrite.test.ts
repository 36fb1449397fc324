import { describeRule } from './rule-cases.js';

describeRule('ban-add-not-null-column-rewrite', {
  mssql: {
    bad: [
      'ALTER TABLE dbo.orders ADD token uniqueidentifier NOT NULL DEFAULT NEWID();',
      'ALTER TABLE dbo.orders ADD token uniqueidentifier NOT NULL CONSTRAINT df_orders_token DEFAULT (NEWSEQUENTIALID());',
      "ALTER TABLE orders ADD note nvarchar(max) NOT NULL DEFAULT N'';",
      "ALTER TABLE orders ADD doc xml NOT NULL DEFAULT '<a/>';",
      "ALTER TABLE orders ADD status int NOT NULL DEFAULT 0, note varchar(max) NOT NULL DEFAULT '';",
    ],
    good: [
      // Enterprise (the default edition) keeps a constant default in the metadata.
      'ALTER TABLE orders ADD status int NOT NULL DEFAULT 0;',
      'ALTER TABLE orders ADD created_at datetime2 NOT NULL CONSTRAINT df_orders_created DEFAULT SYSUTCDATETIME();',
      'ALTER TABLE orders ADD token uniqueidentifier NULL DEFAULT NEWID();',
      "ALTER TABLE orders ADD note nvarchar(200) NOT NULL DEFAULT N'';",
      'CREATE TABLE invoices (id int NOT NULL);\nALTER TABLE invoices ADD token uniqueidentifier NOT NULL DEFAULT NEWID();',
    ],
  },
});
