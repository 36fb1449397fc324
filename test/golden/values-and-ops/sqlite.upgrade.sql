-- sqlgen 0.1.0: upgrade base -> heads (sqlite)
-- Apply with: sqlite3 -bail <database> < <file>

BEGIN;
CREATE TABLE `sqlgen_version` (
  `version_num` varchar(40) NOT NULL,
  CONSTRAINT `sqlgen_version_pkc` PRIMARY KEY (`version_num`)
);
COMMIT;

-- Running upgrade <base> -> aaaa0001: events with every kind of value
BEGIN;
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
BEGIN;
CREATE INDEX `events_name_idx` ON `events` (`name`);
UPDATE events SET note = 'why? :because' WHERE flag = 1;
UPDATE `sqlgen_version`
SET
  `version_num` = 'aaaa0002'
WHERE
  `version_num` = 'aaaa0001';
COMMIT;

-- Running upgrade aaaa0002 -> aaaa0003: rename events and add a view
BEGIN;
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
