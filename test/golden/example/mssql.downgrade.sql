-- sqlgen 0.1.0: downgrade heads -> base (mssql)
-- Apply with: sqlcmd -b -i <file>
-- SQL Server output is checked against golden files only; it has not been run on a server.
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET XACT_ABORT ON;
GO

-- Running downgrade 7c9e2b4a1d30 -> 5b8d1f3e9a27, 6e0a4c2d7f18: merge loyalty and reporting
BEGIN TRANSACTION;
GO
DECLARE @sqlgen_found nvarchar(max) = N'no version table';
IF OBJECT_ID(N'[sqlgen_version]', N'U') IS NOT NULL
  SELECT @sqlgen_found = COALESCE(STRING_AGG(version_num, N' ') WITHIN GROUP (ORDER BY version_num), N'') FROM [sqlgen_version] WITH (TABLOCKX, HOLDLOCK);
IF @sqlgen_found <> '7c9e2b4a1d30'
BEGIN
  DECLARE @sqlgen_message nvarchar(2048) = CONCAT('sqlgen guard: expected version rows [', '7c9e2b4a1d30', N'], found [', @sqlgen_found, ']; nothing was changed');
  THROW 50000, @sqlgen_message, 1;
END;
GO
UPDATE [sqlgen_version]
SET
  [version_num] = N'5b8d1f3e9a27'
WHERE
  [version_num] = N'7c9e2b4a1d30';
GO
INSERT INTO
  [sqlgen_version] ([version_num])
VALUES
  (N'6e0a4c2d7f18');
GO
COMMIT;
GO

-- Running downgrade 6e0a4c2d7f18 -> 4c5d6e7f8a9b: customer order totals view
BEGIN TRANSACTION;
GO
DECLARE @sqlgen_found nvarchar(max) = N'no version table';
IF OBJECT_ID(N'[sqlgen_version]', N'U') IS NOT NULL
  SELECT @sqlgen_found = COALESCE(STRING_AGG(version_num, N' ') WITHIN GROUP (ORDER BY version_num), N'') FROM [sqlgen_version] WITH (TABLOCKX, HOLDLOCK);
IF @sqlgen_found <> '5b8d1f3e9a27 6e0a4c2d7f18'
BEGIN
  DECLARE @sqlgen_message nvarchar(2048) = CONCAT('sqlgen guard: expected version rows [', '5b8d1f3e9a27 6e0a4c2d7f18', N'], found [', @sqlgen_found, ']; nothing was changed');
  THROW 50000, @sqlgen_message, 1;
END;
GO
DROP VIEW customer_order_totals;
GO
DELETE FROM [sqlgen_version]
WHERE
  [version_num] = N'6e0a4c2d7f18';
GO
COMMIT;
GO

-- Running downgrade 5b8d1f3e9a27 -> 4c5d6e7f8a9b: add loyalty points
BEGIN TRANSACTION;
GO
DECLARE @sqlgen_found nvarchar(max) = N'no version table';
IF OBJECT_ID(N'[sqlgen_version]', N'U') IS NOT NULL
  SELECT @sqlgen_found = COALESCE(STRING_AGG(version_num, N' ') WITHIN GROUP (ORDER BY version_num), N'') FROM [sqlgen_version] WITH (TABLOCKX, HOLDLOCK);
IF @sqlgen_found <> '5b8d1f3e9a27'
BEGIN
  DECLARE @sqlgen_message nvarchar(2048) = CONCAT('sqlgen guard: expected version rows [', '5b8d1f3e9a27', N'], found [', @sqlgen_found, ']; nothing was changed');
  THROW 50000, @sqlgen_message, 1;
END;
GO
DECLARE @constraint varchar(100) = (
  SELECT
    default_constraints.name
  FROM
    sys.all_columns
    INNER JOIN sys.tables ON all_columns.object_id = tables.object_id
    INNER JOIN sys.schemas ON tables.schema_id = schemas.schema_id
    INNER JOIN sys.default_constraints ON all_columns.default_object_id = default_constraints.object_id
  WHERE
    schemas.name = 'dbo'
    AND tables.name = 'customers'
    AND all_columns.name = 'loyalty_points'
) IF @constraint IS NOT NULL EXEC (
  'ALTER TABLE customers DROP CONSTRAINT ' + @constraint
);
GO
ALTER TABLE [customers]
DROP COLUMN [loyalty_points];
GO
UPDATE [sqlgen_version]
SET
  [version_num] = N'4c5d6e7f8a9b'
WHERE
  [version_num] = N'5b8d1f3e9a27';
GO
COMMIT;
GO

-- Running downgrade 4c5d6e7f8a9b -> 3f2a9c1b7d4e: add countries with names
BEGIN TRANSACTION;
GO
DECLARE @sqlgen_found nvarchar(max) = N'no version table';
IF OBJECT_ID(N'[sqlgen_version]', N'U') IS NOT NULL
  SELECT @sqlgen_found = COALESCE(STRING_AGG(version_num, N' ') WITHIN GROUP (ORDER BY version_num), N'') FROM [sqlgen_version] WITH (TABLOCKX, HOLDLOCK);
IF @sqlgen_found <> '4c5d6e7f8a9b'
BEGIN
  DECLARE @sqlgen_message nvarchar(2048) = CONCAT('sqlgen guard: expected version rows [', '4c5d6e7f8a9b', N'], found [', @sqlgen_found, ']; nothing was changed');
  THROW 50000, @sqlgen_message, 1;
END;
GO
DROP TABLE [countries];
GO
UPDATE [sqlgen_version]
SET
  [version_num] = N'3f2a9c1b7d4e'
WHERE
  [version_num] = N'4c5d6e7f8a9b';
GO
COMMIT;
GO

-- Running downgrade 3f2a9c1b7d4e -> 1a2b3c4d5e6f: add orders
BEGIN TRANSACTION;
GO
DECLARE @sqlgen_found nvarchar(max) = N'no version table';
IF OBJECT_ID(N'[sqlgen_version]', N'U') IS NOT NULL
  SELECT @sqlgen_found = COALESCE(STRING_AGG(version_num, N' ') WITHIN GROUP (ORDER BY version_num), N'') FROM [sqlgen_version] WITH (TABLOCKX, HOLDLOCK);
IF @sqlgen_found <> '3f2a9c1b7d4e'
BEGIN
  DECLARE @sqlgen_message nvarchar(2048) = CONCAT('sqlgen guard: expected version rows [', '3f2a9c1b7d4e', N'], found [', @sqlgen_found, ']; nothing was changed');
  THROW 50000, @sqlgen_message, 1;
END;
GO
DROP TABLE [orders];
GO
UPDATE [sqlgen_version]
SET
  [version_num] = N'1a2b3c4d5e6f'
WHERE
  [version_num] = N'3f2a9c1b7d4e';
GO
COMMIT;
GO

-- Running downgrade 1a2b3c4d5e6f -> <base>: create customers
BEGIN TRANSACTION;
GO
DECLARE @sqlgen_found nvarchar(max) = N'no version table';
IF OBJECT_ID(N'[sqlgen_version]', N'U') IS NOT NULL
  SELECT @sqlgen_found = COALESCE(STRING_AGG(version_num, N' ') WITHIN GROUP (ORDER BY version_num), N'') FROM [sqlgen_version] WITH (TABLOCKX, HOLDLOCK);
IF @sqlgen_found <> '1a2b3c4d5e6f'
BEGIN
  DECLARE @sqlgen_message nvarchar(2048) = CONCAT('sqlgen guard: expected version rows [', '1a2b3c4d5e6f', N'], found [', @sqlgen_found, ']; nothing was changed');
  THROW 50000, @sqlgen_message, 1;
END;
GO
DROP TABLE [customers];
GO
DELETE FROM [sqlgen_version]
WHERE
  [version_num] = N'1a2b3c4d5e6f';
GO
DROP TABLE [sqlgen_version];
GO
COMMIT;
GO
