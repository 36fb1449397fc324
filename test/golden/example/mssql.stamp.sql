-- sqlgen 0.1.0: stamp base -> heads (mssql)
-- Apply with: sqlcmd -b -i <file>
-- SQL Server output is checked against golden files only; it has not been run on a server.
-- Guarded: each revision first checks that the version table holds exactly the rows it expects, and stops the script, changing nothing, if not (then render a script from the revisions the database is at).

SET XACT_ABORT ON;
GO

-- Stamping base -> heads
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
INSERT INTO
  [sqlgen_version] ([version_num])
VALUES
  (N'7c9e2b4a1d30');
GO
COMMIT;
GO
