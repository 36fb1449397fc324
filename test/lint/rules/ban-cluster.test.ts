import { describeRule } from './rule-cases.js';

describeRule('ban-cluster', {
  postgresql: {
    bad: ['CLUSTER orders USING orders_created_at;', 'CLUSTER VERBOSE sales.orders;', 'CLUSTER;', 'CLUSTER orders_created_at ON orders;'],
    good: [
      'CREATE INDEX CONCURRENTLY orders_created_at_covering ON orders (created_at) INCLUDE (total);',
      'CREATE INDEX CONCURRENTLY orders_created_at ON orders (created_at);',
      'ALTER TABLE orders SET WITHOUT CLUSTER;',
      'CREATE TABLE scratch (a int);\nCREATE INDEX scratch_a ON scratch (a);\nCLUSTER scratch USING scratch_a;',
    ],
  },
});
