import { isExistingTable, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** Clients running during and after the migration still use the old name until they are redeployed. */
export const banRenameTable: Rule = {
  id: 'ban-rename-table',
  severity: 'warning',
  description: 'RENAME TO on an existing table breaks clients that still use the old name.',
  help: 'After renaming, create a view with the old name (simple views are updatable) and drop it once no client uses it.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      if (!node || !('RenameStmt' in node)) return [];
      const rename = node.RenameStmt;
      if (rename.renameType !== 'OBJECT_TABLE' || !isExistingTable(rename.relation, context)) return [];
      return [{ message: `Renaming table ${relationLabel(rename.relation)} to ${rename.newname ?? ''} breaks clients that use the old name.` }];
    },
  },
};
