-- sqlgen 0.1.0: upgrade base -> heads (mssql)
-- Apply with: sqlcmd -b -i <file>
-- SQL Server output is checked against golden files only; it has not been run on a server.
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET XACT_ABORT ON;
GO

-- Running upgrade <base> -> 1a2b3c4d5e6f: create customers
BEGIN TRANSACTION;
GO
IF OBJECT_ID(N'[sqlgen_version]', N'U') IS NULL
CREATE TABLE [sqlgen_version] (
  [version_num] nvarchar(40) NOT NULL,
  CONSTRAINT [sqlgen_version_pkc] PRIMARY KEY ([version_num])
);
GO
DECLARE @sqlgen_found nvarchar(max) = N'no version table';
IF OBJECT_ID(N'[sqlgen_version]', N'U') IS NOT NULL
  SELECT @sqlgen_found = COALESCE(STRING_AGG(version_num, N' ') WITHIN GROUP (ORDER BY version_num), N'') FROM [sqlgen_version] WITH (TABLOCKX, HOLDLOCK);
IF @sqlgen_found <> ''
BEGIN
  DECLARE @sqlgen_message nvarchar(2048) = CONCAT('sqlgen guard: expected version rows [', '', N'], found [', @sqlgen_found, ']; nothing was changed');
  THROW 50000, @sqlgen_message, 1;
END;
GO
CREATE TABLE [customers] (
  [id] int identity(1, 1) NOT NULL PRIMARY KEY,
  [email] nvarchar(320) NOT NULL,
  [full_name] nvarchar(200) NOT NULL,
  [country_code] nvarchar(2),
  [created_at] datetime2 NOT NULL CONSTRAINT [customers_created_at_default] DEFAULT CURRENT_TIMESTAMP
);
GO
CREATE UNIQUE INDEX [customers_email_unique] ON [customers] ([email])
WHERE
  [email] IS NOT NULL;
GO
INSERT INTO
  [sqlgen_version] ([version_num])
VALUES
  (N'1a2b3c4d5e6f');
GO
COMMIT;
GO

-- Running upgrade 1a2b3c4d5e6f -> 3f2a9c1b7d4e: add orders
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
CREATE TABLE [orders] (
  [id] int identity(1, 1) NOT NULL PRIMARY KEY,
  [customer_id] int NOT NULL,
  [total] decimal(12, 2) NOT NULL,
  [status] nvarchar(20) NOT NULL CONSTRAINT [orders_status_default] DEFAULT N'pending',
  [note] nvarchar(max),
  CONSTRAINT [orders_customer_id_foreign] FOREIGN KEY ([customer_id]) REFERENCES [customers] ([id])
);
GO
UPDATE [sqlgen_version]
SET
  [version_num] = N'3f2a9c1b7d4e'
WHERE
  [version_num] = N'1a2b3c4d5e6f';
GO
COMMIT;
GO

-- Running upgrade 3f2a9c1b7d4e -> 4c5d6e7f8a9b: add countries with names
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
CREATE TABLE [countries] (
  [code] nvarchar(2),
  [name] nvarchar(100) NOT NULL,
  CONSTRAINT [countries_pkey] PRIMARY KEY ([code])
);
GO
INSERT INTO
  [countries] ([code], [name])
VALUES
  (N'CI', N'Côte d''Ivoire'),
  (N'LA', N'Lao People''s Democratic Republic'),
  (N'NL', N'Nederland'),
  (N'IS', N'Ísland'),
  (N'JP', N'日本'),
  (N'XK', N'Kosovo \ "provisional"');
GO
UPDATE [sqlgen_version]
SET
  [version_num] = N'4c5d6e7f8a9b'
WHERE
  [version_num] = N'3f2a9c1b7d4e';
GO
COMMIT;
GO

-- Running upgrade 4c5d6e7f8a9b -> 5b8d1f3e9a27: add loyalty points
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
ALTER TABLE [customers]
ADD [loyalty_points] int NOT NULL CONSTRAINT [customers_loyalty_points_default] DEFAULT 0;
GO
UPDATE [customers]
SET
  [loyalty_points] = 100
WHERE
  [country_code] = N'NL';
GO
UPDATE [sqlgen_version]
SET
  [version_num] = N'5b8d1f3e9a27'
WHERE
  [version_num] = N'4c5d6e7f8a9b';
GO
COMMIT;
GO

-- Running upgrade 4c5d6e7f8a9b -> 6e0a4c2d7f18: customer order totals view
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
CREATE VIEW customer_order_totals AS
SELECT c.id AS customer_id,
       COUNT(o.id) AS order_count,
       COALESCE(SUM(o.total), 0) AS total_spent
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id;
GO
INSERT INTO
  [sqlgen_version] ([version_num])
VALUES
  (N'6e0a4c2d7f18');
GO
COMMIT;
GO

-- Running upgrade 5b8d1f3e9a27, 6e0a4c2d7f18 -> 7c9e2b4a1d30: merge loyalty and reporting
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
DELETE FROM [sqlgen_version]
WHERE
  [version_num] = N'6e0a4c2d7f18';
GO
UPDATE [sqlgen_version]
SET
  [version_num] = N'7c9e2b4a1d30'
WHERE
  [version_num] = N'5b8d1f3e9a27';
GO
COMMIT;
GO
