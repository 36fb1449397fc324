-- sqlgen 0.1.0: upgrade base -> heads (mssql)
-- Apply with: sqlcmd -b -i <file>
-- SQL Server output is checked against golden files only; it has not been run on a server.
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET XACT_ABORT ON;
GO

-- Running upgrade <base> -> aaaa0001: events with every kind of value
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
CREATE TABLE [events] (
  [id] int identity(1, 1) NOT NULL PRIMARY KEY,
  [name] nvarchar(100) NOT NULL,
  [happened_at] datetime2,
  [payload] nvarchar(max),
  [big] bigint,
  [flag] bit NOT NULL CONSTRAINT [events_flag_default] DEFAULT 0,
  [blob] varbinary(max),
  [note] nvarchar(200) CONSTRAINT [events_note_default] DEFAULT N'it''s \ a ?default'
);
GO
INSERT INTO
  [events] (
    [big],
    [blob],
    [flag],
    [happened_at],
    [name],
    [payload]
  )
VALUES
  (9007199254740993, 0x0001feff, 1, '2024-02-29T23:59:58.123+00:00', N'quote '' and backslash \ and ? and :name', N'{"a":[1,"two"],"b":null}'),
  (-42, NULL, 0, NULL, N'ünïcödé 日本 🎉', NULL);
GO
INSERT INTO
  [sqlgen_version] ([version_num])
VALUES
  (N'aaaa0001');
GO
COMMIT;
GO

-- Running upgrade aaaa0001 -> aaaa0002: index events by name
BEGIN TRANSACTION;
GO
DECLARE @sqlgen_found nvarchar(max) = N'no version table';
IF OBJECT_ID(N'[sqlgen_version]', N'U') IS NOT NULL
  SELECT @sqlgen_found = COALESCE(STRING_AGG(version_num, N' ') WITHIN GROUP (ORDER BY version_num), N'') FROM [sqlgen_version] WITH (TABLOCKX, HOLDLOCK);
IF @sqlgen_found <> 'aaaa0001'
BEGIN
  DECLARE @sqlgen_message nvarchar(2048) = CONCAT('sqlgen guard: expected version rows [', 'aaaa0001', N'], found [', @sqlgen_found, ']; nothing was changed');
  THROW 50000, @sqlgen_message, 1;
END;
GO
CREATE INDEX [events_name_idx] ON [events] ([name]);
GO
UPDATE events SET note = 'why? :because' WHERE flag = 1;
GO
UPDATE [sqlgen_version]
SET
  [version_num] = N'aaaa0002'
WHERE
  [version_num] = N'aaaa0001';
GO
COMMIT;
GO

-- Running upgrade aaaa0002 -> aaaa0003: rename events and add a view
BEGIN TRANSACTION;
GO
DECLARE @sqlgen_found nvarchar(max) = N'no version table';
IF OBJECT_ID(N'[sqlgen_version]', N'U') IS NOT NULL
  SELECT @sqlgen_found = COALESCE(STRING_AGG(version_num, N' ') WITHIN GROUP (ORDER BY version_num), N'') FROM [sqlgen_version] WITH (TABLOCKX, HOLDLOCK);
IF @sqlgen_found <> 'aaaa0002'
BEGIN
  DECLARE @sqlgen_message nvarchar(2048) = CONCAT('sqlgen guard: expected version rows [', 'aaaa0002', N'], found [', @sqlgen_found, ']; nothing was changed');
  THROW 50000, @sqlgen_message, 1;
END;
GO
EXEC sp_rename N'events',
N'event_log';
GO
DELETE FROM [event_log]
WHERE
  [flag] = 0
  AND [note] IS NULL;
GO
UPDATE [event_log]
SET
  [note] = N'kept'
WHERE
  (
    [big] > 0
    AND [name] LIKE N'%?%'
  );
GO
CREATE VIEW [flagged_events] AS
SELECT
  [id],
  [name]
FROM
  [event_log]
WHERE
  [flag] = 1;
GO
UPDATE [sqlgen_version]
SET
  [version_num] = N'aaaa0003'
WHERE
  [version_num] = N'aaaa0002';
GO
COMMIT;
GO
