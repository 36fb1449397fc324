import { describeRule } from './rule-cases.js';

describeRule('require-concurrent-index-creation', {
  postgresql: {
    bad: ['CREATE INDEX orders_created_at ON orders (created_at);', 'CREATE UNIQUE INDEX ON shop.orders (code);'],
    good: [
      'CREATE INDEX CONCURRENTLY orders_created_at ON orders (created_at);',
      'CREATE TABLE events (id bigint, at timestamptz);\nCREATE INDEX events_at ON events (at);',
    ],
  },
});
