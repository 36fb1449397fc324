import { describeRule } from './rule-cases.js';

describeRule('ban-drop-table', {
  bad: ['DROP TABLE orders;', 'DROP TABLE IF EXISTS archive.orders_2019, scratch CASCADE;'],
  good: ['DROP INDEX orders_note;', 'CREATE TABLE scratch (a int);\nDROP TABLE scratch;'],
});
