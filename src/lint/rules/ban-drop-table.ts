import { droppedTables, isExistingTable, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** Application code deployed before the migration still queries the table and fails once it is gone. */
export const banDropTable: Rule = {
  id: 'ban-drop-table',
  severity: 'warning',
  description: 'DROP TABLE on an existing table breaks clients that still use it, and its data is gone for good.',
  help: 'Stop using the table in the application and deploy that first; drop it in a later migration, after a backup.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      const tables = node ? droppedTables(node).filter((table) => isExistingTable(table, context)) : [];
      return tables.map((table) => ({ message: `Dropping table ${relationLabel(table)} breaks clients that still use it and deletes its data.` }));
    },
  },
};
