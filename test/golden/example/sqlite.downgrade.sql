-- sqlgen 0.1.0: downgrade heads -> base (sqlite)
-- Apply with: sqlite3 -bail <database> < <file>
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

-- Running downgrade 7c9e2b4a1d30 -> 5b8d1f3e9a27, 6e0a4c2d7f18: merge loyalty and reporting
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [7c9e2b4a1d30], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [7c9e2b4a1d30], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '7c9e2b4a1d30';
INSERT INTO sqlgen_guard (expected, found) SELECT '7c9e2b4a1d30', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
UPDATE `sqlgen_version`
SET
  `version_num` = '5b8d1f3e9a27'
WHERE
  `version_num` = '7c9e2b4a1d30';
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('6e0a4c2d7f18');
COMMIT;

-- Running downgrade 6e0a4c2d7f18 -> 4c5d6e7f8a9b: customer order totals view
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [5b8d1f3e9a27 6e0a4c2d7f18], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [5b8d1f3e9a27 6e0a4c2d7f18], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '5b8d1f3e9a27 6e0a4c2d7f18';
INSERT INTO sqlgen_guard (expected, found) SELECT '5b8d1f3e9a27 6e0a4c2d7f18', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
DROP VIEW customer_order_totals;
DELETE FROM `sqlgen_version`
WHERE
  `version_num` = '6e0a4c2d7f18';
COMMIT;

-- Running downgrade 5b8d1f3e9a27 -> 4c5d6e7f8a9b: add loyalty points
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [5b8d1f3e9a27], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [5b8d1f3e9a27], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '5b8d1f3e9a27';
INSERT INTO sqlgen_guard (expected, found) SELECT '5b8d1f3e9a27', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
ALTER TABLE "customers"
DROP COLUMN "loyalty_points";
UPDATE `sqlgen_version`
SET
  `version_num` = '4c5d6e7f8a9b'
WHERE
  `version_num` = '5b8d1f3e9a27';
COMMIT;

-- Running downgrade 4c5d6e7f8a9b -> 3f2a9c1b7d4e: add countries with names
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [4c5d6e7f8a9b], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [4c5d6e7f8a9b], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '4c5d6e7f8a9b';
INSERT INTO sqlgen_guard (expected, found) SELECT '4c5d6e7f8a9b', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
DROP TABLE `countries`;
UPDATE `sqlgen_version`
SET
  `version_num` = '3f2a9c1b7d4e'
WHERE
  `version_num` = '4c5d6e7f8a9b';
COMMIT;

-- Running downgrade 3f2a9c1b7d4e -> 1a2b3c4d5e6f: add orders
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [3f2a9c1b7d4e], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [3f2a9c1b7d4e], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '3f2a9c1b7d4e';
INSERT INTO sqlgen_guard (expected, found) SELECT '3f2a9c1b7d4e', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
DROP TABLE `orders`;
UPDATE `sqlgen_version`
SET
  `version_num` = '1a2b3c4d5e6f'
WHERE
  `version_num` = '3f2a9c1b7d4e';
COMMIT;

-- Running downgrade 1a2b3c4d5e6f -> <base>: create customers
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [1a2b3c4d5e6f], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [1a2b3c4d5e6f], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT '1a2b3c4d5e6f';
INSERT INTO sqlgen_guard (expected, found) SELECT '1a2b3c4d5e6f', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
DROP TABLE `customers`;
DELETE FROM `sqlgen_version`
WHERE
  `version_num` = '1a2b3c4d5e6f';
DROP TABLE `sqlgen_version`;
COMMIT;
