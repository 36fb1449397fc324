-- sqlgen 0.1.0: upgrade base -> heads (mysql)
-- Apply with: mariadb --batch <db> < <file>
-- The mysql client takes the same arguments.
-- MySQL and MariaDB commit DDL implicitly: CREATE, ALTER and DROP take effect at once and
-- cannot be rolled back. Only data changes and version bookkeeping run in transactions.
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET NAMES utf8mb4;
SET time_zone = '+00:00';

-- Running upgrade <base> -> aaaa0001: events with every kind of value
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
CREATE TABLE `events` (
  `id` int UNSIGNED NOT NULL auto_increment PRIMARY KEY,
  `name` varchar(100) NOT NULL,
  `happened_at` datetime(3),
  `payload` json,
  `big` bigint,
  `flag` boolean NOT NULL default FALSE,
  `blob` blob,
  `note` varchar(200) default _utf8mb4 X'69742773205c2061203f64656661756c74'
);
START TRANSACTION;
INSERT INTO
  `events` (
    `big`,
    `blob`,
    `flag`,
    `happened_at`,
    `name`,
    `payload`
  )
VALUES
  (9007199254740993, X'0001feff', TRUE, '2024-02-29 23:59:58.123', _utf8mb4 X'71756f7465202720616e64206261636b736c617368205c20616e64203f20616e64203a6e616d65', '{"a":[1,"two"],"b":null}'),
  (-42, NULL, FALSE, NULL, 'ünïcödé 日本 🎉', NULL);
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('aaaa0001');
COMMIT;

-- Running upgrade aaaa0001 -> aaaa0002: index events by name
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = 'aaaa0001', 'DO 0', CONCAT('sqlgen guard: expected [aaaa0001], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
ALTER TABLE `events`
ADD INDEX `events_name_idx` (`name`);
UPDATE events SET note = 'why? :because' WHERE flag = 1;
START TRANSACTION;
UPDATE `sqlgen_version`
SET
  `version_num` = 'aaaa0002'
WHERE
  `version_num` = 'aaaa0001';
COMMIT;

-- Running upgrade aaaa0002 -> aaaa0003: rename events and add a view
SELECT IF(COUNT(*) = 0, 'SELECT ''no version table'' INTO @sqlgen_found', 'SELECT COALESCE(GROUP_CONCAT(version_num ORDER BY version_num SEPARATOR '' ''), '''') INTO @sqlgen_found FROM `sqlgen_version`') INTO @sqlgen_read FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'sqlgen_version';
PREPARE sqlgen_guard FROM @sqlgen_read;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
SET @sqlgen_check = IF(@sqlgen_found = 'aaaa0002', 'DO 0', CONCAT('sqlgen guard: expected [aaaa0002], found [', @sqlgen_found, ']'));
PREPARE sqlgen_guard FROM @sqlgen_check;
EXECUTE sqlgen_guard;
DEALLOCATE PREPARE sqlgen_guard;
RENAME TABLE `events` TO `event_log`;
START TRANSACTION;
DELETE FROM `event_log`
WHERE
  `flag` = FALSE
  AND `note` is null;
UPDATE `event_log`
SET
  `note` = 'kept'
WHERE
  (
    `big` > 0
    AND `name` like '%?%'
  );
COMMIT;
CREATE VIEW `flagged_events` AS
SELECT
  `id`,
  `name`
FROM
  `event_log`
WHERE
  `flag` = TRUE;
START TRANSACTION;
UPDATE `sqlgen_version`
SET
  `version_num` = 'aaaa0003'
WHERE
  `version_num` = 'aaaa0002';
COMMIT;
