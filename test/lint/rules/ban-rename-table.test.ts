import { describeRule } from './rule-cases.js';

describeRule('ban-rename-table', {
  postgresql: {
    bad: ['ALTER TABLE orders RENAME TO purchases;'],
    good: ['ALTER TABLE orders RENAME COLUMN note TO memo;', 'CREATE TABLE scratch (a int);\nALTER TABLE scratch RENAME TO staging;'],
  },
  mysql: {
    bad: ['RENAME TABLE orders TO purchases;', 'ALTER TABLE orders RENAME TO purchases;', 'ALTER TABLE orders RENAME AS purchases;'],
    good: ['ALTER TABLE orders RENAME COLUMN a TO b;', 'CREATE TABLE scratch (a int);\nRENAME TABLE scratch TO staging;'],
  },
  sqlite: {
    bad: ['ALTER TABLE orders RENAME TO purchases;'],
    good: ['ALTER TABLE orders RENAME a TO b;'],
  },
  mssql: {
    bad: ["EXEC sp_rename 'dbo.orders', 'purchases';"],
    good: ["EXEC sp_rename 'dbo.orders.note', 'memo', 'COLUMN';", "EXEC sp_rename N'dbo.orders.ix_note', N'ix_memo', N'INDEX';"],
  },
});
