import { KEYWORD_DIALECTS, keywordChecks } from '../keywords/checks.js';
import { renamedTables } from '../keywords/renames.js';
import { isExistingTableName, nameLabel } from '../keywords/shape.js';
import { isExistingTable, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule, RuleReport } from '../types.js';

/** Clients running during and after the migration still use the old name until they are redeployed. */
export const banRenameTable: Rule = {
  id: 'ban-rename-table',
  severity: 'warning',
  effect: 'breaks-clients',
  description: 'RENAME TO on an existing table breaks clients that still use the old name.',
  help: 'After renaming, create a view with the old name (simple views are updatable) and drop it once no client uses it.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      if (!node || !('RenameStmt' in node)) return [];
      const rename = node.RenameStmt;
      if (rename.renameType !== 'OBJECT_TABLE' || !isExistingTable(rename.relation, context)) return [];
      return [renameReport(relationLabel(rename.relation), rename.newname ?? '')];
    },
    // MySQL: RENAME TABLE and ALTER TABLE ... RENAME [TO|AS]; SQLite: RENAME TO; SQL Server: sp_rename.
    ...keywordChecks(KEYWORD_DIALECTS, (tokens, statement, context, dialect) =>
      renamedTables(tokens, statement.sql, dialect)
        .filter((rename) => isExistingTableName(rename.table, context))
        .map((rename) => renameReport(nameLabel(rename.table), rename.newName, rename.table.offset)),
    ),
  },
};

function renameReport(table: string, newName: string, offset?: number): RuleReport {
  return { message: `Renaming table ${table} to ${newName} breaks clients that use the old name.`, offset };
}
