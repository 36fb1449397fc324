import { openPglite } from '../../src/engines/pglite.js';
import { describeScopedReads } from '../helpers/scoped-reads.js';

/**
 * A scoped read (only what the statements since the last snapshot name is read again) must give
 * exactly what a full catalog read gives. Each case is a series of scripts where a scope that
 * trusted the statements' own names would miss a change: a foreign key that prints a renamed
 * table, rows an ON DELETE CASCADE removes, a sequence dropped with its table, a view over a
 * renamed column, a trigger or rule that writes elsewhere.
 */
const CASES: Record<string, string[]> = {
  'a rename shows in the foreign keys of other tables': [
    'CREATE TABLE authors (id int PRIMARY KEY, name text); CREATE TABLE books (id int PRIMARY KEY, author_id int REFERENCES authors (id));',
    'ALTER TABLE authors RENAME TO writers;',
    'ALTER TABLE writers RENAME COLUMN id TO writer_id;',
    'ALTER INDEX authors_pkey RENAME TO writers_pkey;',
  ],
  'ON DELETE CASCADE removes rows two tables away': [
    `CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a ON DELETE CASCADE ON UPDATE CASCADE);
     CREATE TABLE c (id int PRIMARY KEY, b_id int REFERENCES b ON DELETE CASCADE);
     INSERT INTO a VALUES (1), (2); INSERT INTO b VALUES (10, 1), (20, 2); INSERT INTO c VALUES (100, 10), (200, 20);`,
    'DELETE FROM a WHERE id = 1;',
    'UPDATE a SET id = 3 WHERE id = 2;',
  ],
  'indexes, comments and serial sequences go with their table': [
    "CREATE TABLE notes (id serial PRIMARY KEY, body text); CREATE INDEX notes_body ON notes (body); COMMENT ON INDEX notes_body IS 'search'; COMMENT ON SEQUENCE notes_id_seq IS 'ids';",
    "COMMENT ON TABLE notes IS 'what people wrote'; COMMENT ON COLUMN notes.body IS 'the text';",
    'DROP INDEX notes_body;',
    'ALTER TABLE notes ADD COLUMN version serial;',
    'ALTER TABLE notes DROP COLUMN version;',
    'DROP TABLE notes;',
  ],
  'views follow the tables under them': [
    'CREATE TABLE items (id int PRIMARY KEY, price numeric); CREATE VIEW cheap AS SELECT id, price FROM items WHERE price < 10;',
    'ALTER TABLE items RENAME COLUMN price TO cost;',
    'INSERT INTO cheap VALUES (1, 5);',
    'CREATE MATERIALIZED VIEW totals AS SELECT count(*) AS n FROM items; CREATE INDEX totals_n ON totals (n);',
    "COMMENT ON INDEX totals_n IS 'one row'; REFRESH MATERIALIZED VIEW totals;",
    'DROP VIEW cheap;',
  ],
  'another schema, truncate, and a table made by SELECT INTO': [
    'CREATE SCHEMA audit; CREATE TABLE audit.events (id int PRIMARY KEY, what text);',
    "INSERT INTO audit.events VALUES (1, 'signed in'); ALTER TABLE audit.events ADD COLUMN at timestamptz;",
    'SELECT * INTO audit.copy FROM audit.events;',
    'TRUNCATE audit.events;',
    'WITH gone AS (DELETE FROM audit.copy RETURNING *) SELECT count(*) FROM gone;',
  ],
  'a trigger function writes to another table': [
    'CREATE TABLE log (what text); CREATE TABLE orders (id int);',
    "CREATE FUNCTION log_order() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO log VALUES ('order'); RETURN NEW; END $$;",
    'CREATE TRIGGER orders_log AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION log_order();',
    'INSERT INTO orders VALUES (1);',
  ],
  'a rule writes to another table': [
    "CREATE TABLE log (what text); CREATE TABLE orders (id int); CREATE RULE orders_rule AS ON INSERT TO orders DO ALSO INSERT INTO log VALUES ('rule');",
    'INSERT INTO orders VALUES (2);',
  ],
  'a DO block writes what it does not name to the parser': ['CREATE TABLE log (what text);', "DO $$ BEGIN INSERT INTO log VALUES ('do'); END $$;"],
  'a search path sends unqualified names elsewhere': [
    'CREATE SCHEMA audit; CREATE TABLE audit.hidden (id int);',
    'SET search_path = audit, public;',
    'INSERT INTO hidden VALUES (1);',
    'RESET search_path;',
  ],
  'a temporary table shadows a table of the same name': [
    'CREATE TABLE orders (id int);',
    'CREATE TEMP TABLE orders (id int);',
    'INSERT INTO orders VALUES (3);',
    'DROP TABLE pg_temp.orders; INSERT INTO orders VALUES (4);',
  ],
  'partitions and inheritance': [
    'CREATE TABLE measures (at date, v int) PARTITION BY RANGE (at); CREATE TABLE measures_2026 PARTITION OF measures FOR VALUES FROM (\'2026-01-01\') TO (\'2027-01-01\');',
    "INSERT INTO measures VALUES ('2026-05-01', 1);",
    'CREATE TABLE base (id int); CREATE TABLE child () INHERITS (base); INSERT INTO child VALUES (1);',
    'DELETE FROM base;',
  ],
  "sqlgen's own guards and version bookkeeping": [
    `CREATE TABLE sqlgen_version (version_num varchar(32) PRIMARY KEY); INSERT INTO sqlgen_version VALUES ('a1');`,
    `DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(42);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> 'a1' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', 'a1', found; END IF;
END $sqlgen$;
UPDATE sqlgen_version SET version_num = 'b2';`,
  ],
};

describeScopedReads('scoped PostgreSQL snapshots equal full catalog reads', () => openPglite({ versionTable: { name: 'sqlgen_version' } }, []), CASES);
