import { describeRule } from './rule-cases.js';

describeRule('require-where-in-update-delete', {
  postgresql: {
    bad: ['UPDATE orders SET status = 0;', 'DELETE FROM orders;', 'DELETE FROM orders USING customers;'],
    good: [
      'UPDATE orders SET status = 0 WHERE status IS NULL;',
      'DELETE FROM orders WHERE created_at < now() - interval \'7 years\';',
      'UPDATE orders SET status = 0 WHERE true;',
      'CREATE TABLE scratch (a int);\nUPDATE scratch SET a = 1;',
    ],
  },
  mysql: {
    bad: [
      'UPDATE orders SET status = 0;',
      'DELETE FROM orders;',
      "UPDATE orders SET note = 'where';",
      'UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.region = c.region;',
    ],
    good: [
      'UPDATE orders SET status = 0 WHERE status IS NULL;',
      'DELETE FROM orders ORDER BY id LIMIT 1000;',
      'UPDATE orders SET total = (SELECT SUM(amount) FROM lines WHERE lines.order_id = orders.id) WHERE id = 1;',
      'CREATE TABLE scratch (a int);\nUPDATE scratch SET a = 1;',
    ],
  },
  sqlite: {
    bad: ['DELETE FROM orders;', 'UPDATE OR IGNORE orders SET a = 1;'],
    good: ['DELETE FROM orders WHERE id IN (SELECT id FROM old);'],
  },
  mssql: {
    bad: ['UPDATE dbo.orders SET status = 0;', 'DELETE dbo.orders;'],
    good: ['DELETE TOP (1000) FROM dbo.orders;', 'UPDATE #work SET a = 1;', 'DELETE FROM @ids;'],
  },
});
