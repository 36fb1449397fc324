-- sqlgen 0.1.0: stamp base -> heads (sqlite)
-- Apply with: sqlite3 -bail <database> < <file>
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

-- Stamping base -> heads
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
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('7c9e2b4a1d30');
COMMIT;
