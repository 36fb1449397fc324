import { describeRule } from './rule-cases.js';

describeRule('ban-truncate-cascade', {
  postgresql: {
    bad: ['TRUNCATE orders CASCADE;', 'TRUNCATE TABLE orders, customers RESTART IDENTITY CASCADE;'],
    good: ['TRUNCATE orders, order_lines;', 'TRUNCATE orders RESTRICT;'],
  },
});
