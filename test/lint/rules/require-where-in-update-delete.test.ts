import { describeRule } from './rule-cases.js';

describeRule('require-where-in-update-delete', {
  bad: ['UPDATE orders SET status = 0;', 'DELETE FROM orders;', 'DELETE FROM orders USING customers;'],
  good: [
    'UPDATE orders SET status = 0 WHERE status IS NULL;',
    'DELETE FROM orders WHERE created_at < now() - interval \'7 years\';',
    'UPDATE orders SET status = 0 WHERE true;',
    'CREATE TABLE scratch (a int);\nUPDATE scratch SET a = 1;',
  ],
});
