-- sqlgen 0.1.0: downgrade heads -> base (mysql)
-- Apply with: mariadb --batch <db> < <file>
-- The mysql client takes the same arguments.
-- MySQL and MariaDB commit DDL implicitly: CREATE, ALTER and DROP take effect at once and
-- cannot be rolled back. Only data changes and version bookkeeping run in transactions.
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET NAMES utf8mb4;
SET time_zone = '+00:00';

-- Running downgrade 7c9e2b4a1d30 -> 5b8d1f3e9a27, 6e0a4c2d7f18: merge loyalty and reporting
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '7c9e2b4a1d30', 'DO 0', CONCAT('sqlgen guard: expected [7c9e2b4a1d30], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
START TRANSACTION;
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
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '5b8d1f3e9a27 6e0a4c2d7f18', 'DO 0', CONCAT('sqlgen guard: expected [5b8d1f3e9a27 6e0a4c2d7f18], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
DROP VIEW customer_order_totals;
START TRANSACTION;
DELETE FROM `sqlgen_version`
WHERE
  `version_num` = '6e0a4c2d7f18';
COMMIT;

-- Running downgrade 5b8d1f3e9a27 -> 4c5d6e7f8a9b: add loyalty points
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '5b8d1f3e9a27', 'DO 0', CONCAT('sqlgen guard: expected [5b8d1f3e9a27], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
ALTER TABLE `customers`
DROP `loyalty_points`;
START TRANSACTION;
UPDATE `sqlgen_version`
SET
  `version_num` = '4c5d6e7f8a9b'
WHERE
  `version_num` = '5b8d1f3e9a27';
COMMIT;

-- Running downgrade 4c5d6e7f8a9b -> 3f2a9c1b7d4e: add countries with names
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '4c5d6e7f8a9b', 'DO 0', CONCAT('sqlgen guard: expected [4c5d6e7f8a9b], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
DROP TABLE `countries`;
START TRANSACTION;
UPDATE `sqlgen_version`
SET
  `version_num` = '3f2a9c1b7d4e'
WHERE
  `version_num` = '4c5d6e7f8a9b';
COMMIT;

-- Running downgrade 3f2a9c1b7d4e -> 1a2b3c4d5e6f: add orders
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '3f2a9c1b7d4e', 'DO 0', CONCAT('sqlgen guard: expected [3f2a9c1b7d4e], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
DROP TABLE `orders`;
START TRANSACTION;
UPDATE `sqlgen_version`
SET
  `version_num` = '1a2b3c4d5e6f'
WHERE
  `version_num` = '3f2a9c1b7d4e';
COMMIT;

-- Running downgrade 1a2b3c4d5e6f -> <base>: create customers
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '1a2b3c4d5e6f', 'DO 0', CONCAT('sqlgen guard: expected [1a2b3c4d5e6f], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
DROP TABLE `customers`;
START TRANSACTION;
DELETE FROM `sqlgen_version`
WHERE
  `version_num` = '1a2b3c4d5e6f';
COMMIT;
DROP TABLE `sqlgen_version`;
