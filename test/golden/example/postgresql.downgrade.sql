-- sqlgen 0.1.0: downgrade heads -> base (postgresql)
-- Apply with: psql -v ON_ERROR_STOP=1 -f <file>
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET client_encoding = 'UTF8';

-- Running downgrade 7c9e2b4a1d30 -> 5b8d1f3e9a27, 6e0a4c2d7f18: merge loyalty and reporting
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '7c9e2b4a1d30' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '7c9e2b4a1d30', found; END IF;
END $sqlgen$;
UPDATE "sqlgen_version"
SET
  "version_num" = '5b8d1f3e9a27'
WHERE
  "version_num" = '7c9e2b4a1d30';
INSERT INTO
  "sqlgen_version" ("version_num")
VALUES
  ('6e0a4c2d7f18');
COMMIT;

-- Running downgrade 6e0a4c2d7f18 -> 4c5d6e7f8a9b: customer order totals view
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '5b8d1f3e9a27 6e0a4c2d7f18' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '5b8d1f3e9a27 6e0a4c2d7f18', found; END IF;
END $sqlgen$;
DROP VIEW customer_order_totals;
DELETE FROM "sqlgen_version"
WHERE
  "version_num" = '6e0a4c2d7f18';
COMMIT;

-- Running downgrade 5b8d1f3e9a27 -> 4c5d6e7f8a9b: add loyalty points
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '5b8d1f3e9a27' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '5b8d1f3e9a27', found; END IF;
END $sqlgen$;
ALTER TABLE "customers"
DROP COLUMN "loyalty_points";
UPDATE "sqlgen_version"
SET
  "version_num" = '4c5d6e7f8a9b'
WHERE
  "version_num" = '5b8d1f3e9a27';
COMMIT;

-- Running downgrade 4c5d6e7f8a9b -> 3f2a9c1b7d4e: add countries with names
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '4c5d6e7f8a9b' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '4c5d6e7f8a9b', found; END IF;
END $sqlgen$;
DROP TABLE "countries";
UPDATE "sqlgen_version"
SET
  "version_num" = '3f2a9c1b7d4e'
WHERE
  "version_num" = '4c5d6e7f8a9b';
COMMIT;

-- Running downgrade 3f2a9c1b7d4e -> 1a2b3c4d5e6f: add orders
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '3f2a9c1b7d4e' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '3f2a9c1b7d4e', found; END IF;
END $sqlgen$;
DROP TABLE "orders";
UPDATE "sqlgen_version"
SET
  "version_num" = '1a2b3c4d5e6f'
WHERE
  "version_num" = '3f2a9c1b7d4e';
COMMIT;

-- Running downgrade 1a2b3c4d5e6f -> <base>: create customers
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '1a2b3c4d5e6f' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '1a2b3c4d5e6f', found; END IF;
END $sqlgen$;
DROP TABLE "customers";
DELETE FROM "sqlgen_version"
WHERE
  "version_num" = '1a2b3c4d5e6f';
DROP TABLE "sqlgen_version";
COMMIT;
