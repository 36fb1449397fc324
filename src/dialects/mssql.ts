import { MSSQL_SYNTAX, renderMssqlLiteral } from './literals/mssql.js';
import type { Dialect } from './dialect.js';
import { mssqlGuard } from './guards/mssql.js';

export const mssql: Dialect = {
  id: 'mssql',
  knexClient: 'mssql',
  formatterLanguage: 'transactsql',
  rebuildsTables: false,
  transactionalDdl: true,
  beginTransaction: 'BEGIN TRANSACTION;',
  commitTransaction: 'COMMIT;',
  batchSeparator: 'GO',
  // Any error rolls the whole transaction back instead of leaving it half-applied.
  preamble: ['SET XACT_ABORT ON;'],
  applyCommand: 'sqlcmd -b -i <file>',
  notes: ['SQL Server output is checked against golden files only; it has not been run on a server.'],
  knexResultSuffix: ';select @@rowcount',
  renderLiteral: renderMssqlLiteral,
  lexicalSyntax: MSSQL_SYNTAX,
  versionGuard: mssqlGuard,
  renameTargetQualified: false,
  extensions: false,
  // The rewrite names the column's type itself, and ONLINE keeps the table readable and writable.
  liveDatabaseHint:
    "restate the column in an `if (op.dialect === 'mssql')` branch: op.execute('ALTER TABLE [t] ALTER COLUMN [c] <its type> NULL WITH (ONLINE = ON)') (NOT NULL for dropNullable)",
  alterRestrictions: [],
  quoteIdentifier: (name) => `[${name.replaceAll(']', ']]')}]`,
};
