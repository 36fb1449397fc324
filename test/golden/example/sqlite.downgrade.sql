-- sqlgen 0.1.0: downgrade heads -> base (sqlite)
-- Apply with: sqlite3 -bail <database> < <file>

-- Running downgrade 7c9e2b4a1d30 -> 5b8d1f3e9a27, 6e0a4c2d7f18: merge loyalty and reporting
BEGIN;
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
BEGIN;
DROP VIEW customer_order_totals;
DELETE FROM `sqlgen_version`
WHERE
  `version_num` = '6e0a4c2d7f18';
COMMIT;

-- Running downgrade 5b8d1f3e9a27 -> 4c5d6e7f8a9b: add loyalty points
BEGIN;
ALTER TABLE "customers"
DROP COLUMN "loyalty_points";
UPDATE `sqlgen_version`
SET
  `version_num` = '4c5d6e7f8a9b'
WHERE
  `version_num` = '5b8d1f3e9a27';
COMMIT;

-- Running downgrade 4c5d6e7f8a9b -> 3f2a9c1b7d4e: add countries with names
BEGIN;
DROP TABLE `countries`;
UPDATE `sqlgen_version`
SET
  `version_num` = '3f2a9c1b7d4e'
WHERE
  `version_num` = '4c5d6e7f8a9b';
COMMIT;

-- Running downgrade 3f2a9c1b7d4e -> 1a2b3c4d5e6f: add orders
BEGIN;
DROP TABLE `orders`;
UPDATE `sqlgen_version`
SET
  `version_num` = '1a2b3c4d5e6f'
WHERE
  `version_num` = '3f2a9c1b7d4e';
COMMIT;

-- Running downgrade 1a2b3c4d5e6f -> <base>: create customers
BEGIN;
DROP TABLE `customers`;
DELETE FROM `sqlgen_version`
WHERE
  `version_num` = '1a2b3c4d5e6f';
COMMIT;
