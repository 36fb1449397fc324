import { describeRule } from './rule-cases.js';

describeRule('ban-concurrent-index-creation-in-transaction', {
  postgresql: {
    bad: ['BEGIN;\nCREATE INDEX CONCURRENTLY orders_created_at ON orders (created_at);\nCOMMIT;'],
    good: [
      'CREATE INDEX CONCURRENTLY orders_created_at ON orders (created_at);',
      'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;\nCREATE INDEX CONCURRENTLY orders_note ON orders (note);',
    ],
  },
});
