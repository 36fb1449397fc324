import { describeRule } from './rule-cases.js';

describeRule('ban-rename-table', {
  bad: ['ALTER TABLE orders RENAME TO purchases;'],
  good: ['ALTER TABLE orders RENAME COLUMN note TO memo;', 'CREATE TABLE scratch (a int);\nALTER TABLE scratch RENAME TO staging;'],
});

describeRule(
  'ban-rename-table',
  {
    bad: ['RENAME TABLE orders TO purchases;', 'ALTER TABLE orders RENAME TO purchases;', 'ALTER TABLE orders RENAME AS purchases;'],
    good: ['ALTER TABLE orders RENAME COLUMN a TO b;', 'CREATE TABLE scratch (a int);\nRENAME TABLE scratch TO staging;'],
  },
  'mysql',
);

describeRule('ban-rename-table', { bad: ['ALTER TABLE orders RENAME TO purchases;'], good: ['ALTER TABLE orders RENAME a TO b;'] }, 'sqlite');

describeRule(
  'ban-rename-table',
  { bad: ["EXEC sp_rename 'dbo.orders', 'purchases';"], good: ["EXEC sp_rename 'dbo.orders.note', 'memo', 'COLUMN';", "EXEC sp_rename N'dbo.orders.ix_note', N'ix_memo', N'INDEX';"] },
  'mssql',
);
