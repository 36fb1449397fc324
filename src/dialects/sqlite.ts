import { SQLITE_SYNTAX, renderSqliteLiteral } from './literals/sqlite.js';
import type { Dialect } from './dialect.js';
import { sqliteGuard } from './guards/sqlite.js';

export const sqlite: Dialect = {
  id: 'sqlite',
  knexClient: 'sqlite3',
  formatterLanguage: 'sqlite',
  rebuildsTables: true,
  transactionalDdl: true,
  // IMMEDIATE takes the write lock at once, so two scripts cannot both pass the version guard.
  beginTransaction: 'BEGIN IMMEDIATE;',
  commitTransaction: 'COMMIT;',
  preamble: [],
  applyCommand: 'sqlite3 -bail <database> < <file>',
  notes: [],
  renderLiteral: renderSqliteLiteral,
  lexicalSyntax: SQLITE_SYNTAX,
  versionGuard: sqliteGuard,
  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
};
