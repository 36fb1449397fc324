import { describeRule } from './rule-cases.js';

describeRule('ban-column-type-change', {
  bad: ['ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 2);', 'ALTER TABLE orders ALTER total SET DATA TYPE bigint USING total::bigint;'],
  good: ['ALTER TABLE orders ADD COLUMN total_v2 numeric(12, 2);', 'CREATE TABLE scratch (a int);\nALTER TABLE scratch ALTER COLUMN a TYPE bigint;'],
});
