-- sqlgen 0.1.0: upgrade base -> heads (sqlite)
-- Apply with: sqlite3 -bail <database> < <file>
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

-- Running upgrade <base> -> 1a2b3c4d5e6f: create customers
BEGIN IMMEDIATE;
CREATE TABLE IF NOT EXISTS `sqlgen_version` (
  `version_num` varchar(40) NOT NULL,
  CONSTRAINT `sqlgen_version_pkc` PRIMARY KEY (`version_num`)
);
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '';
INSERT INTO sqlgen_guard (expected, found) SELECT '', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
CREATE TABLE `customers` (
  `id` integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  `email` varchar(320) NOT NULL,
  `full_name` varchar(200) NOT NULL,
  `country_code` varchar(2),
  `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX `customers_email_unique` ON `customers` (`email`);
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('1a2b3c4d5e6f');
COMMIT;

-- Running upgrade 1a2b3c4d5e6f -> 3f2a9c1b7d4e: add orders
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [1a2b3c4d5e6f], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [1a2b3c4d5e6f], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '1a2b3c4d5e6f';
INSERT INTO sqlgen_guard (expected, found) SELECT '1a2b3c4d5e6f', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
CREATE TABLE `orders` (
  `id` integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  `customer_id` integer NOT NULL,
  `total` float NOT NULL,
  `status` varchar(20) NOT NULL DEFAULT 'pending',
  `note` text,
  FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)
);
UPDATE `sqlgen_version`
SET
  `version_num` = '3f2a9c1b7d4e'
WHERE
  `version_num` = '1a2b3c4d5e6f';
COMMIT;

-- Running upgrade 3f2a9c1b7d4e -> 4c5d6e7f8a9b: add countries with names
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [3f2a9c1b7d4e], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [3f2a9c1b7d4e], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '3f2a9c1b7d4e';
INSERT INTO sqlgen_guard (expected, found) SELECT '3f2a9c1b7d4e', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
CREATE TABLE `countries` (
  `code` varchar(2),
  `name` varchar(100) NOT NULL,
  PRIMARY KEY (`code`)
);
INSERT INTO
  `countries` (`code`, `name`)
SELECT
  'CI' AS `code`,
  'Côte d''Ivoire' AS `name`
UNION ALL
SELECT
  'LA' AS `code`,
  'Lao People''s Democratic Republic' AS `name`
UNION ALL
SELECT
  'NL' AS `code`,
  'Nederland' AS `name`
UNION ALL
SELECT
  'IS' AS `code`,
  'Ísland' AS `name`
UNION ALL
SELECT
  'JP' AS `code`,
  '日本' AS `name`
UNION ALL
SELECT
  'XK' AS `code`,
  'Kosovo \ "provisional"' AS `name`;
UPDATE `sqlgen_version`
SET
  `version_num` = '4c5d6e7f8a9b'
WHERE
  `version_num` = '3f2a9c1b7d4e';
COMMIT;

-- Running upgrade 4c5d6e7f8a9b -> 5b8d1f3e9a27: add loyalty points
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [4c5d6e7f8a9b], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [4c5d6e7f8a9b], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '4c5d6e7f8a9b';
INSERT INTO sqlgen_guard (expected, found) SELECT '4c5d6e7f8a9b', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
ALTER TABLE `customers`
ADD COLUMN `loyalty_points` integer NOT NULL DEFAULT 0;
UPDATE `customers`
SET
  `loyalty_points` = 100
WHERE
  `country_code` = 'NL';
UPDATE `sqlgen_version`
SET
  `version_num` = '5b8d1f3e9a27'
WHERE
  `version_num` = '4c5d6e7f8a9b';
COMMIT;

-- Running upgrade 4c5d6e7f8a9b -> 6e0a4c2d7f18: customer order totals view
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [5b8d1f3e9a27], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [5b8d1f3e9a27], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '5b8d1f3e9a27';
INSERT INTO sqlgen_guard (expected, found) SELECT '5b8d1f3e9a27', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
CREATE VIEW customer_order_totals AS
SELECT c.id AS customer_id,
       COUNT(o.id) AS order_count,
       COALESCE(SUM(o.total), 0) AS total_spent
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id;
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('6e0a4c2d7f18');
COMMIT;

-- Running upgrade 5b8d1f3e9a27, 6e0a4c2d7f18 -> 7c9e2b4a1d30: merge loyalty and reporting
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [5b8d1f3e9a27 6e0a4c2d7f18], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [5b8d1f3e9a27 6e0a4c2d7f18], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '5b8d1f3e9a27 6e0a4c2d7f18';
INSERT INTO sqlgen_guard (expected, found) SELECT '5b8d1f3e9a27 6e0a4c2d7f18', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
DELETE FROM `sqlgen_version`
WHERE
  `version_num` = '6e0a4c2d7f18';
UPDATE `sqlgen_version`
SET
  `version_num` = '7c9e2b4a1d30'
WHERE
  `version_num` = '5b8d1f3e9a27';
COMMIT;
