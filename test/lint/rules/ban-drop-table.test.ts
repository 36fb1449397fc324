import { describeRule } from './rule-cases.js';

describeRule('ban-drop-table', {
  postgresql: {
    bad: ['DROP TABLE orders;', 'DROP TABLE IF EXISTS archive.orders_2019, scratch CASCADE;'],
    good: ['DROP INDEX orders_note;', 'CREATE TABLE scratch (a int);\nDROP TABLE scratch;'],
  },
  mysql: {
    bad: [
      'DROP TABLE orders;',
      'DROP TABLE IF EXISTS `shop`.`orders`, customers;',
      // Only SQLite rebuilds tables by copying them: here the copy does not keep the table's name.
      'CREATE TABLE orders_copy LIKE orders;\nINSERT INTO orders_copy SELECT * FROM orders;\nDROP TABLE orders;',
    ],
    good: ['DROP TEMPORARY TABLE work;', 'DROP INDEX orders_note ON orders;', 'CREATE TABLE Scratch (a int);\nDROP TABLE scratch;'],
  },
  sqlite: {
    bad: [
      'DROP TABLE "orders";',
      'CREATE TABLE orders_backup (id, note);\nINSERT INTO orders_backup SELECT id, note FROM archive;\nDROP TABLE orders;',
      // The rebuilt table holds the old rows: dropping it later loses them.
      'CREATE TABLE new_orders (id, note);\nINSERT INTO new_orders SELECT id, note FROM orders;\nDROP TABLE orders;\nALTER TABLE new_orders RENAME TO orders;\nDROP TABLE orders;',
    ],
    good: [
      'DROP VIEW orders_view;',
      'CREATE TABLE scratch (a);\nDROP TABLE IF EXISTS scratch;',
      'BEGIN;\nCREATE TABLE new_orders (id integer PRIMARY KEY, note text NOT NULL);\nINSERT INTO new_orders (id, note) SELECT id, note FROM orders;\nDROP TABLE orders;\nALTER TABLE new_orders RENAME TO orders;\nCOMMIT;',
    ],
  },
  mssql: {
    bad: ['DROP TABLE [dbo].[orders]\nGO'],
    good: ['DROP TABLE #work;', 'CREATE TABLE dbo.scratch (a int);\nDROP TABLE dbo.scratch;'],
  },
});
