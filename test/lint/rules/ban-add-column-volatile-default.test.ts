import { describeRule } from './rule-cases.js';

describeRule('ban-add-column-volatile-default', {
  postgresql: {
    bad: [
      'ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      'ALTER TABLE orders ADD COLUMN shard int NOT NULL DEFAULT (random() * 16)::int;',
      'ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();',
      'ALTER TABLE orders ADD COLUMN seq bigserial;',
      'ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;',
      // Functions sqlgen cannot see are taken as volatile, as squawk takes them.
      'ALTER TABLE orders ADD COLUMN token uuid DEFAULT uuid();',
      "ALTER TABLE orders ADD COLUMN settings jsonb DEFAULT myjsonb();",
      'ALTER TABLE orders ADD COLUMN token uuid DEFAULT uuid_generate_v4();',
      'ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT public.now();',
      // No built-in now() takes an argument.
      'ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT now(123);',
    ],
    good: [
      'ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();',
      'ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT CURRENT_TIMESTAMP;',
      "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';",
      "ALTER TABLE orders ADD COLUMN code text DEFAULT lower(concat('A', 'b', 'c'));",
      "ALTER TABLE orders ADD COLUMN due date DEFAULT pg_catalog.date_trunc('day', now()) + interval '7 days';",
      'ALTER TABLE orders ADD COLUMN token uuid;\nALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();',
      'CREATE TABLE scratch (a int);\nALTER TABLE scratch ADD COLUMN token uuid DEFAULT gen_random_uuid();',
    ],
  },
});
