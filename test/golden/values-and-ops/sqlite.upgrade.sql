-- sqlgen 0.1.0: upgrade base -> heads (sqlite)
-- Apply with: sqlite3 -bail <database> < <file>
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

-- Running upgrade <base> -> aaaa0001: events with every kind of value
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
CREATE TABLE `events` (
  `id` integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  `name` varchar(100) NOT NULL,
  `happened_at` datetime,
  `payload` json,
  `big` bigint,
  `flag` boolean NOT NULL DEFAULT 0,
  `blob` blob,
  `note` varchar(200) DEFAULT 'it''s \ a ?default'
);
INSERT INTO
  `events` (
    `big`,
    `blob`,
    `flag`,
    `happened_at`,
    `name`,
    `payload`
  )
SELECT
  9007199254740993 AS `big`,
  X'0001feff' AS `blob`,
  1 AS `flag`,
  '2024-02-29T23:59:58.123Z' AS `happened_at`,
  'quote '' and backslash \ and ? and :name' AS `name`,
  '{"a":[1,"two"],"b":null}' AS `payload`
UNION ALL
SELECT
  -42 AS `big`,
  NULL AS `blob`,
  0 AS `flag`,
  NULL AS `happened_at`,
  'ünïcödé 日本 🎉' AS `name`,
  NULL AS `payload`;
INSERT INTO
  `sqlgen_version` (`version_num`)
VALUES
  ('aaaa0001');
COMMIT;

-- Running upgrade aaaa0001 -> aaaa0002: index events by name
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [aaaa0001], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [aaaa0001], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT 'aaaa0001';
INSERT INTO sqlgen_guard (expected, found) SELECT 'aaaa0001', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
CREATE INDEX `events_name_idx` ON `events` (`name`);
UPDATE events SET note = 'why? :because' WHERE flag = 1;
UPDATE `sqlgen_version`
SET
  `version_num` = 'aaaa0002'
WHERE
  `version_num` = 'aaaa0001';
COMMIT;

-- Running upgrade aaaa0002 -> aaaa0003: rename events and add a view
BEGIN IMMEDIATE;
CREATE TEMP TABLE IF NOT EXISTS sqlgen_guard (expected TEXT NOT NULL, found TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS sqlgen_guard_check BEFORE INSERT ON sqlgen_guard WHEN NEW.found IS NOT NEW.expected BEGIN SELECT RAISE(ABORT, 'sqlgen guard: the version table does not hold the rows this script expects (see the line above); nothing was changed'); END;
SELECT 'sqlgen guard: expected version rows [aaaa0002], found no version table' WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlgen_version');
SELECT 'sqlgen guard: expected version rows [aaaa0002], found [' || found || ']' FROM (SELECT coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '') AS found) WHERE found IS NOT 'aaaa0002';
INSERT INTO sqlgen_guard (expected, found) SELECT 'aaaa0002', coalesce((SELECT group_concat(version_num, ' ') FROM (SELECT version_num FROM "sqlgen_version" ORDER BY version_num)), '');
ALTER TABLE `events`
RENAME TO `event_log`;
DELETE FROM `event_log`
WHERE
  `flag` = 0
  AND `note` IS NULL;
UPDATE `event_log`
SET
  `note` = 'kept'
WHERE
  (
    `big` > 0
    AND `name` like '%?%'
  );
CREATE VIEW `flagged_events` AS
SELECT
  `id`,
  `name`
FROM
  `event_log`
WHERE
  `flag` = 1;
UPDATE `sqlgen_version`
SET
  `version_num` = 'aaaa0003'
WHERE
  `version_num` = 'aaaa0002';
COMMIT;
