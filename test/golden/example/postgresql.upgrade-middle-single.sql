-- sqlgen 0.1.0: upgrade 3f2a -> heads (postgresql)
-- Apply with: psql -v ON_ERROR_STOP=1 -f <file>
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET client_encoding = 'UTF8';

-- Running upgrade 3f2a9c1b7d4e -> 4c5d6e7f8a9b: add countries with names
BEGIN;
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '3f2a9c1b7d4e' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '3f2a9c1b7d4e', found; END IF;
END $sqlgen$;
create table "countries" ("code" varchar(2), "name" varchar(100) not null, constraint "countries_pkey" primary key ("code"));
insert into "countries" ("code", "name") values ('CI', 'Côte d''Ivoire'), ('LA', 'Lao People''s Democratic Republic'), ('NL', 'Nederland'), ('IS', 'Ísland'), ('JP', '日本'), ('XK', E'Kosovo \\ "provisional"');
update "sqlgen_version" set "version_num" = '4c5d6e7f8a9b' where "version_num" = '3f2a9c1b7d4e';

-- Running upgrade 4c5d6e7f8a9b -> 5b8d1f3e9a27: add loyalty points
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '4c5d6e7f8a9b' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '4c5d6e7f8a9b', found; END IF;
END $sqlgen$;
alter table "customers" add column "loyalty_points" integer not null default 0;
update "customers" set "loyalty_points" = 100 where "country_code" = 'NL';
update "sqlgen_version" set "version_num" = '5b8d1f3e9a27' where "version_num" = '4c5d6e7f8a9b';

-- Running upgrade 4c5d6e7f8a9b -> 6e0a4c2d7f18: customer order totals view
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
insert into "sqlgen_version" ("version_num") values ('6e0a4c2d7f18');

-- Running upgrade 5b8d1f3e9a27, 6e0a4c2d7f18 -> 7c9e2b4a1d30: merge loyalty and reporting
DO $sqlgen$ DECLARE found text := 'no version table'; BEGIN PERFORM pg_advisory_xact_lock(9202639661267461365);
IF to_regclass('"sqlgen_version"') IS NOT NULL THEN SELECT coalesce(string_agg(version_num, ' ' ORDER BY version_num COLLATE "C"), '') INTO found FROM "sqlgen_version"; END IF;
IF found <> '5b8d1f3e9a27 6e0a4c2d7f18' THEN RAISE EXCEPTION 'sqlgen guard: expected version rows [%], found [%]; nothing was changed', '5b8d1f3e9a27 6e0a4c2d7f18', found; END IF;
END $sqlgen$;
delete from "sqlgen_version" where "version_num" = '6e0a4c2d7f18';
update "sqlgen_version" set "version_num" = '7c9e2b4a1d30' where "version_num" = '5b8d1f3e9a27';
COMMIT;
