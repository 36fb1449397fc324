import { describeRule } from './rule-cases.js';

describeRule('ban-drop-database', { bad: ['DROP DATABASE shop;', 'DROP DATABASE IF EXISTS shop WITH (FORCE);'], good: ['DROP SCHEMA sales;', 'DROP TABLE orders;'] });

describeRule('ban-drop-database', { bad: ['DROP DATABASE shop;', 'DROP SCHEMA IF EXISTS `shop`;'], good: ['DROP TABLE orders;'] }, 'mysql');

describeRule('ban-drop-database', { bad: ['DROP DATABASE shop, shop_archive;'], good: ['DROP SCHEMA sales;'] }, 'mssql');
