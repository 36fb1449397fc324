-- sqlgen 0.1.0: stamp base -> heads (postgresql)
-- Apply with: psql -v ON_ERROR_STOP=1 -f <file>
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET client_encoding = 'UTF8';

-- Stamping base -> heads
BEGIN;
DO $sqlgen$ BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365); END $sqlgen$;
CREATE TABLE IF NOT EXISTS "sqlgen_version" (
  "version_num" varchar(40) NOT NULL,
  CONSTRAINT "sqlgen_version_pkc" PRIMARY KEY ("version_num")
);
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '', found; END IF;
END $sqlgen$;
INSERT INTO
  "sqlgen_version" ("version_num")
VALUES
  ('7c9e2b4a1d30');
COMMIT;
