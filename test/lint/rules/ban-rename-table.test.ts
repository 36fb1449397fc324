import { describeRule } from './rule-cases.js';

describeRule('ban-rename-table', {
  bad: ['ALTER TABLE orders RENAME TO purchases;'],
  good: ['ALTER TABLE orders RENAME COLUMN note TO memo;', 'CREATE TABLE scratch (a int);\nALTER TABLE scratch RENAME TO staging;'],
});
