import { keywordChecks } from '../keywords/checks.js';
import { nameLabel } from '../keywords/shape.js';
import { dropStatement } from '../keywords/statements.js';
import { postgresqlAst } from '../postgresql/ast.js';
import type { Rule, RuleReport } from '../types.js';

/** A migration has no business deleting a whole database: one wrong target loses every table at once. */
export const banDropDatabase: Rule = {
  id: 'ban-drop-database',
  severity: 'error',
  effect: 'destroys-data',
  description: 'DROP DATABASE deletes every table of the database and all their data.',
  help: 'Drop databases by hand, after a backup, never from a migration script.',
  checks: {
    postgresql(statement) {
      const node = postgresqlAst(statement);
      return node && 'DropdbStmt' in node ? [dropReport(node.DropdbStmt.dbname ?? '')] : [];
    },
    // In MySQL and MariaDB, DROP SCHEMA is DROP DATABASE; SQL Server drops a list.
    ...keywordChecks(['mysql', 'mssql'], (tokens, statement, _context, dialect) => {
      const drop = dropStatement(tokens, statement.sql);
      if (!drop || !(drop.object === 'DATABASE' || (dialect === 'mysql' && drop.object === 'SCHEMA'))) return [];
      return drop.names.map((name) => dropReport(nameLabel(name), name.offset));
    }),
  },
};

function dropReport(database: string, offset?: number): RuleReport {
  return { message: `Dropping database ${database} deletes every table in it, with all their data.`, offset };
}
