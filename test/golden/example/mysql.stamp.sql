-- sqlgen 0.1.0: stamp heads (mysql)
-- Apply with: mariadb --batch <db> < <file>
-- The mysql client takes the same arguments.
-- MySQL and MariaDB commit DDL implicitly: CREATE, ALTER and DROP take effect at once and
-- cannot be rolled back. Only data changes and version bookkeeping run in transactions.

SET NAMES utf8mb4;
SET time_zone = '+00:00';
CREATE TABLE `sqlgen_version` (
  `version_num` varchar(40) NOT NULL,
  CONSTRAINT `sqlgen_version_pkc` PRIMARY KEY (`version_num`)
);
START TRANSACTION;
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('7c9e2b4a1d30');
COMMIT;
