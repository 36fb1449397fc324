-- sqlgen 0.1.0: upgrade base -> heads (mysql)
-- Apply with: mariadb --batch <db> < <file>
-- The mysql client takes the same arguments.
-- MySQL and MariaDB commit DDL implicitly: CREATE, ALTER and DROP take effect at once and
-- cannot be rolled back. Only data changes and version bookkeeping run in transactions.
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET NAMES utf8mb4;
SET time_zone = '+00:00';

-- Running upgrade <base> -> 1a2b3c4d5e6f: create customers
CREATE TABLE IF NOT EXISTS `sqlgen_version` (
  `version_num` varchar(40) NOT NULL,
  CONSTRAINT `sqlgen_version_pkc` PRIMARY KEY (`version_num`)
);
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '', 'DO 0', CONCAT('sqlgen guard: expected [], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
CREATE TABLE `customers` (
  `id` int UNSIGNED NOT NULL auto_increment PRIMARY KEY,
  `email` varchar(320) NOT NULL,
  `full_name` varchar(200) NOT NULL,
  `country_code` varchar(2),
  `created_at` timestamp NOT NULL default CURRENT_TIMESTAMP
);
ALTER TABLE `customers`
ADD UNIQUE `customers_email_unique` (`email`);
START TRANSACTION;
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('1a2b3c4d5e6f');
COMMIT;

-- Running upgrade 1a2b3c4d5e6f -> 3f2a9c1b7d4e: add orders
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '1a2b3c4d5e6f', 'DO 0', CONCAT('sqlgen guard: expected [1a2b3c4d5e6f], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
CREATE TABLE `orders` (
  `id` int UNSIGNED NOT NULL auto_increment PRIMARY KEY,
  `customer_id` int UNSIGNED NOT NULL,
  `total` decimal(12, 2) NOT NULL,
  `status` varchar(20) NOT NULL default 'pending',
  `note` text
);
ALTER TABLE `orders`
ADD CONSTRAINT `orders_customer_id_foreign` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`);
START TRANSACTION;
UPDATE `sqlgen_version`
SET
  `version_num` = '3f2a9c1b7d4e'
WHERE
  `version_num` = '1a2b3c4d5e6f';
COMMIT;

-- Running upgrade 3f2a9c1b7d4e -> 4c5d6e7f8a9b: add countries with names
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '3f2a9c1b7d4e', 'DO 0', CONCAT('sqlgen guard: expected [3f2a9c1b7d4e], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
CREATE TABLE `countries` (
  `code` varchar(2),
  `name` varchar(100) NOT NULL,
  PRIMARY KEY (`code`)
);
START TRANSACTION;
INSERT INTO
  `countries` (`code`, `name`)
VALUES
  ('CI', 'Côte d''Ivoire'),
  ('LA', 'Lao People''s Democratic Republic'),
  ('NL', 'Nederland'),
  ('IS', 'Ísland'),
  ('JP', '日本'),
  ('XK', _utf8mb4 X'4b6f736f766f205c202270726f766973696f6e616c22');
UPDATE `sqlgen_version`
SET
  `version_num` = '4c5d6e7f8a9b'
WHERE
  `version_num` = '3f2a9c1b7d4e';
COMMIT;

-- Running upgrade 4c5d6e7f8a9b -> 5b8d1f3e9a27: add loyalty points
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '4c5d6e7f8a9b', 'DO 0', CONCAT('sqlgen guard: expected [4c5d6e7f8a9b], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
ALTER TABLE `customers`
ADD `loyalty_points` int NOT NULL default 0;
START TRANSACTION;
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
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '5b8d1f3e9a27', 'DO 0', CONCAT('sqlgen guard: expected [5b8d1f3e9a27], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
CREATE VIEW customer_order_totals AS
SELECT c.id AS customer_id,
       COUNT(o.id) AS order_count,
       COALESCE(SUM(o.total), 0) AS total_spent
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id;
START TRANSACTION;
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('6e0a4c2d7f18');
COMMIT;

-- Running upgrade 5b8d1f3e9a27, 6e0a4c2d7f18 -> 7c9e2b4a1d30: merge loyalty and reporting
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = '5b8d1f3e9a27 6e0a4c2d7f18', 'DO 0', CONCAT('sqlgen guard: expected [5b8d1f3e9a27 6e0a4c2d7f18], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
START TRANSACTION;
DELETE FROM `sqlgen_version`
WHERE
  `version_num` = '6e0a4c2d7f18';
UPDATE `sqlgen_version`
SET
  `version_num` = '7c9e2b4a1d30'
WHERE
  `version_num` = '5b8d1f3e9a27';
COMMIT;
