import { POSTGRESQL_SYNTAX, renderPostgresqlLiteral } from './literals/postgresql.js';
import type { Dialect } from './dialect.js';
import { postgresqlGuard } from './guards/postgresql.js';

export const postgresql: Dialect = {
  id: 'postgresql',
  knexClient: 'pg',
  formatterLanguage: 'postgresql',
  rebuildsTables: false,
  transactionalDdl: true,
  beginTransaction: 'BEGIN;',
  commitTransaction: 'COMMIT;',
  // The file is UTF-8 whatever the server's or psql's default encoding.
  preamble: ["SET client_encoding = 'UTF8';"],
  applyCommand: 'psql -v ON_ERROR_STOP=1 -f <file>',
  notes: [],
  renderLiteral: renderPostgresqlLiteral,
  lexicalSyntax: POSTGRESQL_SYNTAX,
  versionGuard: postgresqlGuard,
  renameTargetQualified: false,
  extensions: true,
  alterRestrictions: [],
  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
};
