import { describeRule } from './rule-cases.js';

describeRule('ban-add-column-volatile-default', {
  postgresql: {
    bad: [
      'ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      'ALTER TABLE orders ADD COLUMN shard int NOT NULL DEFAULT (random() * 16)::int;',
      'ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();',
      'ALTER TABLE orders ADD COLUMN seq bigserial;',
      'ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;',
    ],
    good: [
      'ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();',
      'ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT CURRENT_TIMESTAMP;',
      "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';",
      'ALTER TABLE orders ADD COLUMN token uuid;\nALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();',
      'CREATE TABLE scratch (a int);\nALTER TABLE scratch ADD COLUMN token uuid DEFAULT gen_random_uuid();',
    ],
  },
});
