import { expect, test } from 'vitest';
import { describeRule, ruleIdsFor } from './rule-cases.js';

describeRule('ban-drop-schema', {
  postgresql: {
    bad: ['DROP SCHEMA sales;', 'DROP SCHEMA IF EXISTS sales, archive CASCADE;'],
    good: ['DROP DATABASE shop;', 'DROP TABLE sales.orders;'],
  },
  mssql: {
    bad: ['DROP SCHEMA [sales];'],
    good: ['DROP DATABASE shop;'],
  },
});

test('in MySQL DROP SCHEMA drops a database: ban-drop-database reports it, not ban-drop-schema', async () => {
  const ids = await ruleIdsFor('DROP SCHEMA shop;', 'mysql');
  expect(ids).toContain('ban-drop-database');
  expect(ids).not.toContain('ban-drop-schema');
});
