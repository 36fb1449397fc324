import { describeRule } from './rule-cases.js';

describeRule('ban-rename-column', {
  bad: ['ALTER TABLE orders RENAME COLUMN note TO memo;', 'ALTER TABLE orders RENAME note TO memo;'],
  good: ['ALTER TABLE orders ADD COLUMN memo text;', 'CREATE TABLE scratch (a int);\nALTER TABLE scratch RENAME COLUMN a TO b;', 'ALTER INDEX orders_note RENAME TO orders_memo;'],
});
