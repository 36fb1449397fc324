-- sqlgen 0.1.0: stamp heads (mssql)
-- Apply with: sqlcmd -b -i <file>
-- SQL Server output is checked against golden files only; it has not been run on a server.

SET XACT_ABORT ON;
BEGIN TRANSACTION;
CREATE TABLE [sqlgen_version] (
  [version_num] nvarchar(40) NOT NULL,
  CONSTRAINT [sqlgen_version_pkc] PRIMARY KEY ([version_num])
);
GO
INSERT INTO
  [sqlgen_version] ([version_num])
VALUES
  (N'7c9e2b4a1d30');
GO
COMMIT;
GO
