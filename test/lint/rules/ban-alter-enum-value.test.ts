import { describeRule } from './rule-cases.js';

describeRule('ban-alter-enum-value', {
  postgresql: {
    bad: [
      "ALTER TYPE order_status RENAME VALUE 'shipped' TO 'sent';",
      "ALTER TYPE sales.order_status RENAME VALUE 'shipped' TO 'sent';",
      "BEGIN;\nALTER TYPE order_status ADD VALUE 'refunded';\nCOMMIT;",
      "BEGIN;\nALTER TYPE sales.order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'shipped';\nCOMMIT;",
    ],
    good: [
      "ALTER TYPE order_status ADD VALUE 'refunded';",
      "ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' BEFORE 'cancelled';",
      "BEGIN;\nCOMMIT;\nALTER TYPE order_status ADD VALUE 'refunded';",
      'ALTER TYPE order_status RENAME TO sale_status;',
    ],
  },
});
