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
  minimumVersion: '3.35.0',
  // From SQLite's release log; sql.js (3.54) runs all of them, Debian 12's sqlite3 (3.40) does not.
  renameTargetQualified: false,
  extensions: false,
  alterRestrictions: [
    { form: 'ALTER TABLE ... DROP COLUMN', pattern: /\bdrop\s+column\b/i, since: '3.35.0', reason: 'SQLite gained DROP COLUMN in 3.35.0' },
    { form: 'ALTER TABLE ... ADD/DROP CONSTRAINT', pattern: /\b(?:add|drop)\s+constraint\b/i, since: '3.53.0', reason: 'SQLite gained ADD and DROP CONSTRAINT in 3.53.0' },
    { form: 'ALTER TABLE ... ALTER COLUMN', pattern: /\balter\s+(?:column\s+)?\S+\s+(?:set|drop)\s+not\s+null\b/i, since: '3.53.0', reason: 'SQLite gained SET and DROP NOT NULL in 3.53.0' },
    {
      form: 'ALTER TABLE ... ADD COLUMN with a non-constant default',
      pattern: /\badd\s+(?:column\s+)?.*\bdefault\s+(?:\(|current_(?:timestamp|date|time)\b)/is,
      reason: 'SQLite refuses to add a column with a non-constant default to a table that has rows',
    },
  ],
};
