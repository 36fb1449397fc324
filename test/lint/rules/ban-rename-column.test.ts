import { describeRule } from './rule-cases.js';

describeRule('ban-rename-column', {
  postgresql: {
    bad: ['ALTER TABLE orders RENAME COLUMN note TO memo;', 'ALTER TABLE orders RENAME note TO memo;'],
    good: [
      'ALTER TABLE orders ADD COLUMN memo text;',
      'CREATE TABLE scratch (a int);\nALTER TABLE scratch RENAME COLUMN a TO b;',
      'ALTER INDEX orders_note RENAME TO orders_memo;',
    ],
  },
  mysql: {
    bad: ['ALTER TABLE orders RENAME COLUMN note TO memo;', 'ALTER TABLE orders CHANGE note memo text;'],
    good: [
      'ALTER TABLE orders CHANGE note Note varchar(500);',
      'ALTER TABLE orders RENAME INDEX a TO b;',
      'CREATE TABLE scratch (a int);\nALTER TABLE scratch RENAME COLUMN a TO b;',
    ],
  },
  sqlite: {
    bad: ['ALTER TABLE orders RENAME COLUMN note TO memo;', 'ALTER TABLE orders RENAME note TO memo;'],
    good: ['ALTER TABLE orders RENAME TO purchases;'],
  },
  mssql: {
    bad: ["EXEC sp_rename 'dbo.orders.note', 'memo', 'COLUMN';", "EXEC sp_rename @objname = N'[orders].[note]', @newname = N'memo', @objtype = N'COLUMN'"],
    good: ["EXEC sp_rename 'dbo.orders', 'purchases';", "CREATE TABLE dbo.scratch (a int);\nEXEC sp_rename 'dbo.scratch.a', 'b', 'COLUMN';"],
  },
});
