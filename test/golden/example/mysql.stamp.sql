-- sqlgen 0.1.0: stamp base -> heads (mysql)
-- Apply with: mariadb --batch <db> < <file>
-- The mysql client takes the same arguments.
-- MySQL and MariaDB commit DDL implicitly: CREATE, ALTER and DROP take effect at once and
-- cannot be rolled back. Only data changes and version bookkeeping run in transactions.
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET NAMES utf8mb4;
SET time_zone = '+00:00';

-- Stamping base -> heads
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
START TRANSACTION;
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('7c9e2b4a1d30');
COMMIT;
