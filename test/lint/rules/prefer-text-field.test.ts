import { describeRule } from './rule-cases.js';

describeRule('prefer-text-field', {
  postgresql: {
    bad: [
      'CREATE TABLE customers (nickname varchar(40));',
      'CREATE TABLE customers (nickname character varying(40));',
      'CREATE TABLE customers (tags varchar(20)[]);',
      'ALTER TABLE customers ADD COLUMN nickname varchar(40);',
      'ALTER TABLE customers ALTER COLUMN nickname TYPE varchar(80);',
    ],
    good: [
      'CREATE TABLE customers (nickname text);',
      'CREATE TABLE customers (nickname varchar);',
      'ALTER TABLE customers ALTER COLUMN nickname TYPE text;',
      'ALTER TABLE customers ADD CONSTRAINT customers_nickname_length CHECK (length(nickname) <= 40) NOT VALID;',
    ],
  },
});
