import { describeRule } from './rule-cases.js';

describeRule('ban-char-field', {
  postgresql: {
    bad: [
      'CREATE TABLE countries (code char(2) PRIMARY KEY);',
      'CREATE TABLE countries (code character(2));',
      'CREATE TABLE countries (flag char);',
      'CREATE TABLE countries (codes char(2)[]);',
      'ALTER TABLE countries ADD COLUMN code3 bpchar(3);',
      'ALTER TABLE countries ALTER COLUMN code TYPE char(3);',
    ],
    good: [
      'CREATE TABLE countries (code text PRIMARY KEY CHECK (length(code) = 2));',
      'CREATE TABLE countries (code varchar(2));',
      'CREATE TABLE countries (kind "char");',
    ],
  },
});
