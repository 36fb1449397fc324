import { describeRule } from './rule-cases.js';

describeRule('ban-ddl-in-transaction', {
  mysql: {
    bad: [
      'START TRANSACTION;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;',
      'BEGIN;\nCREATE UNIQUE INDEX orders_ref ON orders (ref);\nCOMMIT;',
      'START TRANSACTION;\nTRUNCATE TABLE orders;\nCOMMIT;',
      'START TRANSACTION;\nRENAME TABLE orders TO purchases;\nCOMMIT;',
    ],
    good: [
      'ALTER TABLE orders ADD COLUMN note text;',
      'START TRANSACTION;\nCREATE TEMPORARY TABLE work (a int);\nINSERT INTO work VALUES (1);\nDROP TEMPORARY TABLE work;\nCOMMIT;',
      'START TRANSACTION;\nUPDATE orders SET status = 1 WHERE id = 2;\nCOMMIT;',
    ],
  },
});
