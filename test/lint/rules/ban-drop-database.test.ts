import { describeRule } from './rule-cases.js';

describeRule('ban-drop-database', {
  postgresql: {
    bad: ['DROP DATABASE shop;', 'DROP DATABASE IF EXISTS shop WITH (FORCE);'],
    good: ['REVOKE CONNECT ON DATABASE shop_staging FROM PUBLIC;', 'DROP SCHEMA sales;', 'DROP TABLE orders;'],
  },
  mysql: {
    bad: ['DROP DATABASE shop;', 'DROP SCHEMA IF EXISTS `shop`;'],
    good: ["REVOKE ALL PRIVILEGES ON shop_staging.* FROM 'app'@'%';", 'DROP TABLE orders;'],
  },
  mssql: {
    bad: ['DROP DATABASE shop, shop_archive;'],
    good: ['ALTER DATABASE shop_staging SET OFFLINE;', 'DROP SCHEMA sales;'],
  },
});
