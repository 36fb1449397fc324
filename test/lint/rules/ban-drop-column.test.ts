import { describeRule } from './rule-cases.js';

describeRule('ban-drop-column', {
  postgresql: {
    bad: ['ALTER TABLE orders DROP COLUMN note;', 'ALTER TABLE orders ADD COLUMN memo text, DROP COLUMN IF EXISTS note;'],
    good: ['ALTER TABLE orders ADD COLUMN memo text;', 'CREATE TABLE scratch (a int, b int);\nALTER TABLE scratch DROP COLUMN b;'],
  },
  mysql: {
    bad: ['ALTER TABLE orders DROP COLUMN note;', 'ALTER TABLE orders ADD COLUMN memo text, DROP note;'],
    good: [
      'ALTER TABLE orders DROP INDEX note_idx, DROP FOREIGN KEY orders_ibfk_1, DROP PRIMARY KEY;',
      'CREATE TABLE scratch (a int, b int);\nALTER TABLE scratch DROP COLUMN b;',
    ],
  },
  sqlite: {
    bad: ['ALTER TABLE orders DROP COLUMN note;'],
    good: ['CREATE TABLE scratch (a, b);\nALTER TABLE scratch DROP b;'],
  },
  mssql: {
    bad: ['ALTER TABLE dbo.orders DROP COLUMN note, memo;', 'ALTER TABLE dbo.orders DROP CONSTRAINT df_note, COLUMN note;'],
    good: ['ALTER TABLE dbo.orders DROP CONSTRAINT df_note;', 'ALTER TABLE dbo.orders DROP df_note;'],
  },
});
