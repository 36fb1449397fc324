-- sqlgen 0.1.0: stamp heads (sqlite)
-- Apply with: sqlite3 -bail <database> < <file>

BEGIN;
CREATE TABLE `sqlgen_version` (
  `version_num` varchar(40) NOT NULL,
  CONSTRAINT `sqlgen_version_pkc` PRIMARY KEY (`version_num`)
);
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('7c9e2b4a1d30');
COMMIT;
