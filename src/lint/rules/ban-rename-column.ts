import { isExistingTable, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** Clients running during and after the migration still use the old name until they are redeployed. */
export const banRenameColumn: Rule = {
  id: 'ban-rename-column',
  severity: 'warning',
  description: 'RENAME COLUMN on an existing table breaks clients that still use the old name.',
  help: 'Add a column with the new name, write to both, move readers over, then drop the old column.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      if (!node || !('RenameStmt' in node)) return [];
      const rename = node.RenameStmt;
      if (rename.renameType !== 'OBJECT_COLUMN' || rename.relationType !== 'OBJECT_TABLE' || !isExistingTable(rename.relation, context)) return [];
      return [{ message: `Renaming ${relationLabel(rename.relation)}.${rename.subname ?? ''} to ${rename.newname ?? ''} breaks clients that use the old name.` }];
    },
  },
};
