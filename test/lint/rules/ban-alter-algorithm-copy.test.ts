import { describeRule } from './rule-cases.js';

describeRule('ban-alter-algorithm-copy', {
  mysql: {
    bad: [
      'ALTER TABLE orders ADD COLUMN note text, ALGORITHM=COPY;',
      'ALTER TABLE orders ADD INDEX ix_ref (ref), LOCK=SHARED;',
      'CREATE INDEX ix_ref ON orders (ref) ALGORITHM = COPY LOCK = EXCLUSIVE;',
    ],
    good: [
      'ALTER TABLE orders ADD COLUMN note text, ALGORITHM=INSTANT;',
      'ALTER TABLE orders ADD INDEX ix_ref (ref), ALGORITHM=INPLACE, LOCK=NONE;',
      'ALTER TABLE orders ADD COLUMN `lock` int;',
      'CREATE TABLE scratch (a int);\nALTER TABLE scratch ADD COLUMN b int, ALGORITHM=COPY;',
    ],
  },
});
