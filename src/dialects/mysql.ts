import { MYSQL_SYNTAX, renderMysqlLiteral } from './literals/mysql.js';
import type { Dialect } from './dialect.js';
import { mysqlGuard } from './guards/mysql.js';

export const mysql: Dialect = {
  id: 'mysql',
  knexClient: 'mysql2',
  formatterLanguage: 'mysql',
  rebuildsTables: false,
  transactionalDdl: false,
  beginTransaction: 'START TRANSACTION;',
  commitTransaction: 'COMMIT;',
  // Dates are rendered in UTC; TIMESTAMP columns read them in the session time zone.
  preamble: ['SET NAMES utf8mb4;', "SET time_zone = '+00:00';"],
  applyCommand: 'mariadb --batch <db> < <file>',
  notes: [
    'The mysql client takes the same arguments.',
    'MySQL and MariaDB commit DDL implicitly: CREATE, ALTER and DROP take effect at once and',
    'cannot be rolled back. Only data changes and version bookkeeping run in transactions.',
  ],
  renderLiteral: renderMysqlLiteral,
  lexicalSyntax: MYSQL_SYNTAX,
  versionGuard: mysqlGuard,
  renameTargetQualified: true,
  extensions: false,
  // The rewrite names the column's type itself, and ALGORITHM/LOCK make the server refuse to copy the table.
  liveDatabaseHint:
    "restate the column in an `if (op.dialect === 'mysql')` branch: op.execute('ALTER TABLE `t` MODIFY `c` <its type> NULL, ALGORITHM=INPLACE, LOCK=NONE') (NOT NULL for dropNullable)",
  alterRestrictions: [],
  quoteIdentifier: (name) => `\`${name.replaceAll('`', '``')}\``,
};
