import { SQLITE_SYNTAX, renderSqliteLiteral } from './literals/sqlite.js';
import type { Dialect } from './dialect.js';

export const sqlite: Dialect = {
  id: 'sqlite',
  knexClient: 'sqlite3',
  formatterLanguage: 'sqlite',
  rebuildsTables: true,
  transactionalDdl: true,
  beginTransaction: 'BEGIN;',
  commitTransaction: 'COMMIT;',
  preamble: [],
  applyCommand: 'sqlite3 -bail <database> < <file>',
  notes: [],
  renderLiteral: renderSqliteLiteral,
  lexicalSyntax: SQLITE_SYNTAX,
  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
};
