import { describeRule } from './rule-cases.js';

describeRule('ban-drop-column', {
  bad: ['ALTER TABLE orders DROP COLUMN note;', 'ALTER TABLE orders ADD COLUMN memo text, DROP COLUMN IF EXISTS note;'],
  good: ['ALTER TABLE orders ADD COLUMN memo text;', 'CREATE TABLE scratch (a int, b int);\nALTER TABLE scratch DROP COLUMN b;'],
});
