-- sqlgen 0.1.0: upgrade base -> heads (postgresql)
-- Apply with: psql -v ON_ERROR_STOP=1 -f <file>
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET client_encoding = 'UTF8';

-- Running upgrade <base> -> aaaa0001: events with every kind of value
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
CREATE TABLE "events" (
  "id" serial PRIMARY KEY,
  "name" varchar(100) NOT NULL,
  "happened_at" timestamptz(3),
  "payload" json,
  "big" bigint,
  "flag" boolean NOT NULL DEFAULT FALSE,
  "blob" bytea,
  "note" varchar(200) DEFAULT E'it''s \\ a ?default'
);
INSERT INTO
  "events" (
    "big",
    "blob",
    "flag",
    "happened_at",
    "name",
    "payload"
  )
VALUES
  (9007199254740993, E'\\x0001feff'::bytea, TRUE, '2024-02-29 23:59:58.123+00', E'quote '' and backslash \\ and ? and :name', '{"a":[1,"two"],"b":null}'),
  (-42, NULL, FALSE, NULL, 'ünïcödé 日本 🎉', NULL);
INSERT INTO
  "sqlgen_version" ("version_num")
VALUES
  ('aaaa0001');
COMMIT;

-- Running upgrade aaaa0001 -> aaaa0002: index events by name
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> 'aaaa0001' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', 'aaaa0001', found; END IF;
END $sqlgen$;
COMMIT;
CREATE INDEX CONCURRENTLY events_name_idx ON events (name);
BEGIN;
UPDATE events SET note = 'why? :because' WHERE flag = TRUE;
UPDATE "sqlgen_version"
SET
  "version_num" = 'aaaa0002'
WHERE
  "version_num" = 'aaaa0001';
COMMIT;

-- Running upgrade aaaa0002 -> aaaa0003: rename events and add a view
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> 'aaaa0002' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', 'aaaa0002', found; END IF;
END $sqlgen$;
ALTER TABLE "events"
RENAME TO "event_log";
DELETE FROM "event_log"
WHERE
  "flag" = FALSE
  AND "note" IS NULL;
UPDATE "event_log"
SET
  "note" = 'kept'
WHERE
  (
    "big" > 0
    AND "name" LIKE '%?%'
  );
CREATE VIEW "flagged_events" AS
SELECT
  "id",
  "name"
FROM
  "event_log"
WHERE
  "flag" = TRUE;
UPDATE "sqlgen_version"
SET
  "version_num" = 'aaaa0003'
WHERE
  "version_num" = 'aaaa0002';
COMMIT;
