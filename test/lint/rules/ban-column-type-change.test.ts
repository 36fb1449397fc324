import { describeRule } from './rule-cases.js';

describeRule('ban-column-type-change', {
  postgresql: {
    bad: ['ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2);', 'ALTER TABLE orders ALTER total SET DATA TYPE bigint USING total::bigint;'],
    good: ['ALTER TABLE orders ADD COLUMN total_v2 numeric(12, 2);', 'CREATE TABLE scratch (a int);\nALTER TABLE scratch ALTER COLUMN a TYPE bigint;'],
  },
  mysql: {
    bad: ['ALTER TABLE orders MODIFY total decimal(12, 2);', "ALTER TABLE orders CHANGE COLUMN status state ENUM('new', 'paid', 'void') NOT NULL;"],
    good: [
      'ALTER TABLE orders MODIFY total decimal(12, 2), ALGORITHM=INPLACE, LOCK=NONE;',
      "ALTER TABLE orders MODIFY status ENUM('new', 'paid', 'void'), ALGORITHM=INSTANT;",
      'ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;',
      'CREATE TABLE scratch (a int);\nALTER TABLE scratch MODIFY a bigint;',
    ],
  },
  mssql: {
    bad: ['ALTER TABLE dbo.orders ALTER COLUMN total decimal(12, 2) NOT NULL;'],
    good: ['ALTER TABLE dbo.orders ALTER COLUMN note ADD SPARSE;', 'ALTER TABLE dbo.orders ALTER COLUMN total decimal(12, 2) WITH (ONLINE = ON);'],
  },
});
