import type { RuleId } from '../../src/lint/rules/index.js';

/** What squawk says of a script, for the squawk rules that cover the same hazard as the sqlgen rule. */
export type SquawkVerdict = 'reports' | 'passes' | 'cannot parse';

/** A corpus case where squawk and sqlgen differ, and why; sqlgen's verdict is the other one. */
export interface SquawkDisagreement {
  /** The case, exactly as the rule's corpus has it. */
  sql: string;
  squawk: SquawkVerdict;
  /** Why they differ, as the rule's doc page says under "Compared with squawk". */
  reason: string;
}

// Reasons that several cases share.
const NEW_TABLE = 'squawk reports a table created earlier in the same script too; nothing uses it yet, so sqlgen does not';
const NEW_TABLE_OUTSIDE_TRANSACTION = 'squawk lets a table created earlier pass only inside the same transaction; nothing uses it yet, so sqlgen lets it pass anywhere later in the script';
const REPACK_FROM_19 = 'squawk reports it (prefer-repack) only from PostgreSQL 19, where REPACK (CONCURRENTLY) replaces it; the ACCESS EXCLUSIVE lock is the same on every version';
const STABLE_DEFAULT = "squawk takes the default for volatile, but PostgreSQL's catalog has every function in it stable or immutable: PostgreSQL 11+ evaluates it once and does not rewrite the table";
const VIRTUAL_COLUMN = 'squawk reports every generated column, but a VIRTUAL one (PostgreSQL 18+, where it is the default) is computed when read and rewrites nothing';
const TIMEOUT_ZERO = 'squawk takes a timeout of 0 for a timeout, but 0 turns it off';
const LOCAL_TIMEOUT_ENDS = 'squawk keeps a SET LOCAL timeout after COMMIT, but it ends with its transaction';
const TIMEOUT_RESET = 'squawk does not see RESET turn the timeout off';
const LOCAL_OUTSIDE_TRANSACTION = 'squawk counts SET LOCAL outside a transaction block, where PostgreSQL only warns and sets nothing';
const DOMAIN_WITHOUT_CONSTRAINT = 'squawk takes a DEFAULT or an explicit NULL for a constraint, but neither constrains the domain: a column of it is added in the catalog only';
const DO_BLOCK_ENDS_TRANSACTION = 'squawk does not look into DO bodies, but COMMIT or ROLLBACK in a DO block inside a transaction block fails (invalid transaction termination)';
const RUNS_TWICE = 'squawk asks for a guard, but the statement runs twice without an error: there is nothing to guard';
const OTHER_SCHEMA = 'squawk ignores the schema, but app.int2 and app.int4 are types of the app schema, not the PostgreSQL integers of those names';
const LOCK_LETS_TRAFFIC_THROUGH = 'squawk asks for timeouts before any statement that takes a lock; sqlgen only before one whose lock stops reads or writes, which this one does not';

/**
 * Where sqlgen and squawk disagree on a rule's corpus, by rule; test-db/squawk-side-by-side.test.ts
 * fails on a disagreement missing here and on an entry that no longer disagrees.
 */
export const SQUAWK_DISAGREEMENTS: Partial<Record<RuleId, readonly SquawkDisagreement[]>> = {
  'ban-add-column-volatile-default': [
    { sql: 'ALTER TABLE orders ADD COLUMN seq bigserial;', squawk: 'passes', reason: 'squawk does not take a serial type for a default (it reports prefer-identity instead), but its default is nextval(), which is volatile: PostgreSQL rewrites the table to fill it' },
    { sql: "ALTER TABLE orders ADD COLUMN code text DEFAULT lower(concat('A', 'b', 'c'));", squawk: 'reports', reason: STABLE_DEFAULT },
    { sql: "ALTER TABLE orders ADD COLUMN due date DEFAULT pg_catalog.date_trunc('day', now()) + interval '7 days';", squawk: 'reports', reason: STABLE_DEFAULT },
    { sql: 'CREATE TABLE scratch (a int);\nALTER TABLE scratch ADD COLUMN token uuid DEFAULT gen_random_uuid();', squawk: 'reports', reason: NEW_TABLE },
  ],
  'ban-add-not-null-column-without-default': [
    { sql: 'ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT NULL;', squawk: 'passes', reason: 'squawk takes DEFAULT NULL for a default, but it gives existing rows NULL, so the ALTER fails on a table with rows' },
    { sql: 'ALTER TABLE orders ADD COLUMN code text PRIMARY KEY;', squawk: 'passes', reason: 'squawk looks for NOT NULL only (it reports the primary key under adding-serial-primary-key-field), but PRIMARY KEY makes the column NOT NULL too, so the ALTER fails on a table with rows' },
    { sql: 'ALTER TABLE orders ADD COLUMN seq bigserial NOT NULL;', squawk: 'reports', reason: 'a serial column has a default, nextval(), which fills existing rows: the ALTER succeeds on a table with rows (it rewrites it, which ban-add-column-volatile-default reports)' },
    { sql: 'CREATE TABLE refunds (id int);\nALTER TABLE refunds ADD COLUMN status text NOT NULL;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'ban-add-stored-generated-column': [
    { sql: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) VIRTUAL;', squawk: 'reports', reason: VIRTUAL_COLUMN },
    { sql: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100);', squawk: 'reports', reason: VIRTUAL_COLUMN },
    { sql: 'CREATE TABLE refunds (total numeric);\nALTER TABLE refunds ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'ban-char-field': [
    { sql: 'CREATE TABLE countries (kind "char");', squawk: 'reports', reason: 'squawk takes the quoted "char" for char(n), but it is PostgreSQL\'s one-byte internal type, which pads nothing' },
  ],
  'ban-cluster': [
    { sql: 'CLUSTER orders USING orders_created_at;', squawk: 'passes', reason: REPACK_FROM_19 },
    { sql: 'CLUSTER VERBOSE sales.orders;', squawk: 'passes', reason: REPACK_FROM_19 },
    { sql: 'CLUSTER;', squawk: 'passes', reason: REPACK_FROM_19 },
    { sql: 'CLUSTER orders_created_at ON orders;', squawk: 'passes', reason: REPACK_FROM_19 },
  ],
  'ban-column-type-change': [
    { sql: 'CREATE TABLE scratch (a int);\nALTER TABLE scratch ALTER COLUMN a TYPE bigint;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'ban-domain-constraint': [
    { sql: 'ALTER DOMAIN quantity SET NOT NULL;', squawk: 'passes', reason: 'squawk looks at ADD CONSTRAINT only, but SET NOT NULL gives the domain a NOT NULL constraint, with the same cost to every later column of it' },
    { sql: "CREATE DOMAIN email AS text DEFAULT '' COLLATE \"C\";", squawk: 'reports', reason: DOMAIN_WITHOUT_CONSTRAINT },
    { sql: 'CREATE DOMAIN note AS text NULL;', squawk: 'reports', reason: DOMAIN_WITHOUT_CONSTRAINT },
  ],
  'ban-drop-column': [
    { sql: 'CREATE TABLE scratch (a int, b int);\nALTER TABLE scratch DROP COLUMN b;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'ban-drop-not-null': [
    { sql: '-- sqlgen-lint-disable-next-line ban-drop-not-null -- clients handle NULL since 2024.09\nALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;', squawk: 'reports', reason: 'the case silences the rule with a sqlgen-lint comment, which squawk does not read (its own is squawk-ignore)' },
    { sql: 'CREATE TABLE refunds (id int NOT NULL);\nALTER TABLE refunds ALTER COLUMN id DROP NOT NULL;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'ban-drop-table': [
    { sql: 'CREATE TABLE scratch (a int);\nDROP TABLE scratch;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'ban-duplicate-column-assignment': [
    { sql: 'CREATE TABLE order_copy AS SELECT id, status AS id FROM orders;', squawk: 'passes', reason: 'squawk does not look at the output columns of CREATE TABLE ... AS, but they become the columns of the table, and PostgreSQL refuses two of one name' },
    { sql: 'CREATE TYPE price AS (amount numeric, currency text, amount int);', squawk: 'passes', reason: 'squawk does not look at the attributes of a composite type, but PostgreSQL refuses two of one name there as in CREATE TABLE' },
    { sql: 'CREATE VIEW order_pairs (other_id) AS SELECT o.id AS first_id, r.id AS other_id FROM orders o JOIN orders r ON r.total = o.total;', squawk: 'passes', reason: 'squawk takes the column list of a view for all its names, but the list renames only the first columns: the others keep their own, here a second other_id' },
  ],
  'ban-long-identifier': [
    { sql: 'SELECT * FROM order_line_items_with_their_discounts_and_taxes_for_each_country_x;', squawk: 'reports', reason: 'squawk also reports a long name that a statement only refers to; PostgreSQL cuts it the same way as where it was created, so the reference finds the object' },
  ],
  'ban-rename-column': [
    { sql: 'CREATE TABLE scratch (a int);\nALTER TABLE scratch RENAME COLUMN a TO b;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'ban-rename-table': [
    { sql: 'CREATE TABLE scratch (a int);\nALTER TABLE scratch RENAME TO staging;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'ban-set-not-null': [
    { sql: 'CREATE TABLE refunds (id int);\nALTER TABLE refunds ALTER COLUMN id SET NOT NULL;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'ban-transaction-nesting': [
    { sql: "BEGIN;\nDO $$ BEGIN UPDATE orders SET note = '' WHERE id = 1; COMMIT; END $$;\nCOMMIT;", squawk: 'passes', reason: DO_BLOCK_ENDS_TRANSACTION },
    { sql: "BEGIN;\nDO $$ BEGIN UPDATE orders SET note = '' WHERE id = 1; ROLLBACK; END $$;\nCOMMIT;", squawk: 'passes', reason: DO_BLOCK_ENDS_TRANSACTION },
    { sql: "BEGIN;\nSAVEPOINT s;\nUPDATE orders SET note = '' WHERE id = 1;\nROLLBACK TO SAVEPOINT s;\nCOMMIT;", squawk: 'reports', reason: 'squawk takes ROLLBACK TO SAVEPOINT for the end of the transaction, but the transaction stays open, so the COMMIT after it is the one that closes it' },
  ],
  'ban-vacuum-full': [
    { sql: 'VACUUM FULL orders;', squawk: 'passes', reason: REPACK_FROM_19 },
    { sql: 'VACUUM FULL;', squawk: 'passes', reason: REPACK_FROM_19 },
    { sql: 'VACUUM FULL FREEZE VERBOSE ANALYZE sales.orders;', squawk: 'passes', reason: REPACK_FROM_19 },
    { sql: 'VACUUM (FULL, ANALYZE) orders, customers (email);', squawk: 'passes', reason: REPACK_FROM_19 },
    { sql: 'VACUUM (FULL true) orders;', squawk: 'passes', reason: REPACK_FROM_19 },
  ],
  'prefer-bigint-over-int': [
    { sql: 'CREATE TABLE refunds (order_id app.int4);', squawk: 'reports', reason: OTHER_SCHEMA },
  ],
  'prefer-bigint-over-smallint': [
    { sql: 'CREATE TABLE refunds (item_count app.int2);', squawk: 'reports', reason: OTHER_SCHEMA },
  ],
  'prefer-constraint-using-index': [
    { sql: 'CREATE TABLE refunds (id int, code text);\nALTER TABLE refunds ADD PRIMARY KEY (id), ADD UNIQUE (code);', squawk: 'reports', reason: NEW_TABLE },
  ],
  'prefer-robust-statements': [
    { sql: 'ALTER TABLE old_orders DROP CONSTRAINT IF EXISTS orders_total_positive;\nALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);', squawk: 'passes', reason: 'squawk takes a DROP CONSTRAINT IF EXISTS of the same name on another table for the guard; only one on the same table lets the ADD CONSTRAINT run again' },
    { sql: 'ALTER TABLE orders ALTER COLUMN total SET NOT NULL;', squawk: 'reports', reason: RUNS_TWICE },
    { sql: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_id_positive;', squawk: 'reports', reason: RUNS_TWICE },
    { sql: 'CREATE INDEX CONCURRENTLY ON orders (total);', squawk: 'passes', reason: 'squawk lets an unnamed CREATE INDEX CONCURRENTLY pass, but run again it builds a second index under a new name (orders_total_idx1)' },
    { sql: 'CREATE TABLE refunds AS SELECT * FROM orders;', squawk: 'passes', reason: 'squawk does not look at CREATE TABLE ... AS, which fails when run again because the table exists' },
    { sql: 'CREATE TEMPORARY TABLE scratch (id bigint);', squawk: 'reports', reason: 'squawk reports a temporary table, but it ends with the session that failed, and the next run creates it anew' },
    { sql: 'DROP INDEX CONCURRENTLY IF EXISTS orders_total;\nCREATE INDEX CONCURRENTLY orders_total ON orders (total);', squawk: 'reports', reason: 'squawk wants IF NOT EXISTS, but the DROP INDEX CONCURRENTLY IF EXISTS before it is the better guard: after a failed concurrent build IF NOT EXISTS would keep the invalid index' },
  ],
  'require-concurrent-index-creation': [
    { sql: 'CREATE TABLE events (id bigint, at timestamptz);\nCREATE INDEX events_at ON events (at);', squawk: 'reports', reason: NEW_TABLE_OUTSIDE_TRANSACTION },
  ],
  'require-concurrent-index-deletion': [
    { sql: 'CREATE TABLE refunds (id int, note text);\nCREATE INDEX refunds_note ON refunds (note);\nDROP INDEX refunds_note;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'require-concurrent-partition-detach': [
    { sql: 'CREATE TABLE events (id int, year int) PARTITION BY LIST (year);\nALTER TABLE events DETACH PARTITION events_2020;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'require-concurrent-reindex': [
    { sql: 'REINDEX (CONCURRENTLY false) INDEX orders_created_at;', squawk: 'passes', reason: 'squawk 2.66 takes REINDEX (CONCURRENTLY false) for a concurrent reindex, but false turns the option off' },
    { sql: 'CREATE TABLE scratch (a int);\nREINDEX TABLE scratch;', squawk: 'reports', reason: NEW_TABLE },
    { sql: 'CREATE TABLE refunds (id int, note text);\nCREATE INDEX refunds_note ON refunds (note);\nREINDEX INDEX refunds_note;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'require-lock-timeout': [
    { sql: 'SET lock_timeout = 0;\nALTER TABLE orders ADD COLUMN note text;', squawk: 'passes', reason: TIMEOUT_ZERO },
    { sql: "BEGIN;\nSET LOCAL lock_timeout = '2s';\nCOMMIT;\nALTER TABLE orders ADD COLUMN note text;", squawk: 'passes', reason: LOCAL_TIMEOUT_ENDS },
    { sql: "SET lock_timeout = '2s';\nRESET lock_timeout;\nDROP TABLE orders;", squawk: 'passes', reason: TIMEOUT_RESET },
    { sql: 'CREATE TABLE scratch (a int);\nALTER TABLE scratch ADD COLUMN b int;', squawk: 'reports', reason: NEW_TABLE },
    { sql: 'CREATE INDEX CONCURRENTLY orders_note ON orders (note);', squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: 'REINDEX TABLE CONCURRENTLY orders;', squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: 'VACUUM orders;', squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: 'REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;', squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: 'DROP INDEX CONCURRENTLY orders_note;', squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: "COMMENT ON TABLE orders IS 'what customers bought';", squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: 'REINDEX (CONCURRENTLY) INDEX orders_created_at;', squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: 'REINDEX (CONCURRENTLY true, VERBOSE) TABLE orders;', squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: 'VACUUM (FULL false) orders;', squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: 'CREATE TABLE refunds (id int, note text);\nCREATE INDEX refunds_note ON refunds (note);\nDROP INDEX refunds_note;', squawk: 'reports', reason: NEW_TABLE },
  ],
  'require-not-valid-constraint': [
    { sql: 'ALTER TABLE orders ADD COLUMN total int DEFAULT 0 CHECK (total >= 0);', squawk: 'passes', reason: 'squawk looks at ADD CONSTRAINT only, but PostgreSQL checks every existing row against a CHECK written in ADD COLUMN too, under the same lock' },
    { sql: 'ALTER DOMAIN money_amount ADD CONSTRAINT non_negative CHECK (VALUE >= 0) NOT VALID;', squawk: 'reports', reason: 'squawk bans every ADD CONSTRAINT on a domain (ban-alter-domain-with-add-constraint), but with NOT VALID PostgreSQL checks no existing row' },
    { sql: 'CREATE TABLE refunds (id int);\nALTER TABLE refunds ADD COLUMN order_id int REFERENCES orders (id);', squawk: 'reports', reason: NEW_TABLE_OUTSIDE_TRANSACTION },
    { sql: 'CREATE TABLE refunds (id int, total int);\nALTER TABLE refunds ADD CONSTRAINT positive CHECK (total >= 0);', squawk: 'reports', reason: NEW_TABLE_OUTSIDE_TRANSACTION },
  ],
  'require-statement-timeout': [
    { sql: 'SET statement_timeout = 0;\nCREATE INDEX orders_note ON orders (note);', squawk: 'passes', reason: TIMEOUT_ZERO },
    { sql: "BEGIN;\nSET LOCAL statement_timeout = '1min';\nCOMMIT;\nALTER TABLE orders ADD COLUMN note text;", squawk: 'passes', reason: LOCAL_TIMEOUT_ENDS },
    { sql: "SET statement_timeout = '1min';\nRESET ALL;\nTRUNCATE sales.orders;", squawk: 'passes', reason: TIMEOUT_RESET },
    { sql: "SET LOCAL statement_timeout = '1min';\nALTER TABLE orders RENAME TO sales;", squawk: 'passes', reason: LOCAL_OUTSIDE_TRANSACTION },
    { sql: 'CREATE TABLE scratch (a int);\nALTER TABLE scratch ADD COLUMN b int;', squawk: 'reports', reason: NEW_TABLE },
    { sql: 'CREATE INDEX CONCURRENTLY orders_note ON orders (note);', squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: 'REINDEX (CONCURRENTLY) INDEX orders_created_at;', squawk: 'reports', reason: LOCK_LETS_TRAFFIC_THROUGH },
    { sql: 'CREATE TABLE refunds (id int, note text);\nCREATE INDEX refunds_note ON refunds (note);\nREINDEX INDEX refunds_note;', squawk: 'reports', reason: NEW_TABLE },
  ],
};
