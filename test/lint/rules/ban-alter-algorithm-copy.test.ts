import { describeRule } from './rule-cases.js';

describeRule('ban-alter-algorithm-copy', {
  mysql: {
    bad: [
      'ALTER TABLE orders ADD COLUMN note text, ALGORITHM=COPY;',
      'ALTER TABLE orders ADD INDEX ix_ref (ref), LOCK=SHARED;',
      'CREATE INDEX ix_ref ON orders (ref) ALGORITHM = COPY LOCK = EXCLUSIVE;',
      // What the default target, MySQL 8.4, runs with a lock that blocks writes.
      'ALTER TABLE orders DROP PRIMARY KEY;',
      'ALTER TABLE orders ADD FULLTEXT INDEX ft_note (note);',
      'CREATE FULLTEXT INDEX ft_note ON orders (note);',
      'ALTER TABLE orders ADD SPATIAL INDEX sp_place (place);',
      'ALTER TABLE orders ADD COLUMN seq int AUTO_INCREMENT UNIQUE;',
      'ALTER TABLE orders ADD COLUMN total int AS (price * quantity) STORED;',
      'ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4;',
      'ALTER TABLE orders ADD COLUMN note text, ADD FULLTEXT INDEX ft_note (note);',
    ],
    good: [
      'ALTER TABLE orders ADD COLUMN note text, ALGORITHM=INSTANT;',
      'ALTER TABLE orders ADD INDEX ix_ref (ref), ALGORITHM=INPLACE, LOCK=NONE;',
      'ALTER TABLE orders ADD COLUMN `lock` int;',
      'CREATE TABLE scratch (a int);\nALTER TABLE scratch ADD COLUMN b int, ALGORITHM=COPY;',
      'CREATE TABLE scratch (a int, note text);\nALTER TABLE scratch ADD FULLTEXT INDEX ft_note (note);',
      // Online by default: instant, or in place without blocking writes.
      'ALTER TABLE orders ADD COLUMN note text, DROP COLUMN memo, RENAME COLUMN ref TO reference;',
      'ALTER TABLE orders ADD INDEX ix_ref (ref), DROP INDEX ix_old;',
      'CREATE INDEX ix_ref ON orders (ref);',
      'ALTER TABLE orders DROP PRIMARY KEY, ADD PRIMARY KEY (id, region);',
      'ALTER TABLE orders ENGINE=InnoDB;',
      'ALTER TABLE orders RENAME TO purchases;',
      // Asked to run online: the server refuses rather than block.
      'ALTER TABLE orders ADD FULLTEXT INDEX ft_note (note), LOCK=NONE;',
      // Reported by ban-column-type-change and ban-add-foreign-key-with-checks instead.
      'ALTER TABLE orders MODIFY ref bigint;',
      'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
    ],
  },
});
