-- sqlgen 0.1.0: upgrade base -> heads (postgresql)
-- Apply with: psql -v ON_ERROR_STOP=1 -f <file>
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET client_encoding = 'UTF8';

-- Running upgrade <base> -> 1a2b3c4d5e6f: create customers
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
CREATE TABLE "customers" (
  "id" serial PRIMARY KEY,
  "email" varchar(320) NOT NULL,
  "full_name" varchar(200) NOT NULL,
  "country_code" varchar(2),
  "created_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
ALTER TABLE "customers"
ADD CONSTRAINT "customers_email_unique" UNIQUE ("email");
INSERT INTO
  "sqlgen_version" ("version_num")
VALUES
  ('1a2b3c4d5e6f');
COMMIT;

-- Running upgrade 1a2b3c4d5e6f -> 3f2a9c1b7d4e: add orders
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '1a2b3c4d5e6f' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '1a2b3c4d5e6f', found; END IF;
END $sqlgen$;
CREATE TABLE "orders" (
  "id" serial PRIMARY KEY,
  "customer_id" integer NOT NULL,
  "total" decimal(12, 2) NOT NULL,
  "status" varchar(20) NOT NULL DEFAULT 'pending',
  "note" text
);
ALTER TABLE "orders"
ADD CONSTRAINT "orders_customer_id_foreign" FOREIGN key ("customer_id") REFERENCES "customers" ("id");
UPDATE "sqlgen_version"
SET
  "version_num" = '3f2a9c1b7d4e'
WHERE
  "version_num" = '1a2b3c4d5e6f';
COMMIT;

-- Running upgrade 3f2a9c1b7d4e -> 4c5d6e7f8a9b: add countries with names
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '3f2a9c1b7d4e' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '3f2a9c1b7d4e', found; END IF;
END $sqlgen$;
CREATE TABLE "countries" (
  "code" varchar(2),
  "name" varchar(100) NOT NULL,
  CONSTRAINT "countries_pkey" PRIMARY KEY ("code")
);
INSERT INTO
  "countries" ("code", "name")
VALUES
  ('CI', 'Côte d''Ivoire'),
  ('LA', 'Lao People''s Democratic Republic'),
  ('NL', 'Nederland'),
  ('IS', 'Ísland'),
  ('JP', '日本'),
  ('XK', E'Kosovo \\ "provisional"');
UPDATE "sqlgen_version"
SET
  "version_num" = '4c5d6e7f8a9b'
WHERE
  "version_num" = '3f2a9c1b7d4e';
COMMIT;

-- Running upgrade 4c5d6e7f8a9b -> 5b8d1f3e9a27: add loyalty points
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '4c5d6e7f8a9b' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '4c5d6e7f8a9b', found; END IF;
END $sqlgen$;
ALTER TABLE "customers"
ADD COLUMN "loyalty_points" integer NOT NULL DEFAULT 0;
UPDATE "customers"
SET
  "loyalty_points" = 100
WHERE
  "country_code" = 'NL';
UPDATE "sqlgen_version"
SET
  "version_num" = '5b8d1f3e9a27'
WHERE
  "version_num" = '4c5d6e7f8a9b';
COMMIT;

-- Running upgrade 4c5d6e7f8a9b -> 6e0a4c2d7f18: customer order totals view
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '5b8d1f3e9a27' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '5b8d1f3e9a27', found; END IF;
END $sqlgen$;
CREATE VIEW customer_order_totals AS
SELECT c.id AS customer_id,
       COUNT(o.id) AS order_count,
       COALESCE(SUM(o.total), 0) AS total_spent
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id;
INSERT INTO
  "sqlgen_version" ("version_num")
VALUES
  ('6e0a4c2d7f18');
COMMIT;

-- Running upgrade 5b8d1f3e9a27, 6e0a4c2d7f18 -> 7c9e2b4a1d30: merge loyalty and reporting
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '5b8d1f3e9a27 6e0a4c2d7f18' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '5b8d1f3e9a27 6e0a4c2d7f18', found; END IF;
END $sqlgen$;
DELETE FROM "sqlgen_version"
WHERE
  "version_num" = '6e0a4c2d7f18';
UPDATE "sqlgen_version"
SET
  "version_num" = '7c9e2b4a1d30'
WHERE
  "version_num" = '5b8d1f3e9a27';
COMMIT;
