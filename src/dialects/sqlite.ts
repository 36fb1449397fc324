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
  notes: ['Apply with: sqlite3 -bail <database> < <file>'],
  renderLiteral: renderSqliteLiteral,
  lexicalSyntax: SQLITE_SYNTAX,
  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
};
