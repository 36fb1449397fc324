import { KEYWORD_DIALECTS, keywordChecks } from '../keywords/checks.js';
import { renamedColumns } from '../keywords/renames.js';
import { isExistingTableName, nameLabel } from '../keywords/shape.js';
import { isExistingTable, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule, RuleReport } from '../types.js';

/** Clients running during and after the migration still use the old name until they are redeployed. */
export const banRenameColumn: Rule = {
  id: 'ban-rename-column',
  severity: 'warning',
  effect: 'breaks-clients',
  description: 'RENAME COLUMN on an existing table breaks clients that still use the old name.',
  help: 'Add a column with the new name, write to both, move readers over, then drop the old column.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      if (!node || !('RenameStmt' in node)) return [];
      const rename = node.RenameStmt;
      if (rename.renameType !== 'OBJECT_COLUMN' || rename.relationType !== 'OBJECT_TABLE' || !isExistingTable(rename.relation, context)) return [];
      return [renameReport(`${relationLabel(rename.relation)}.${rename.subname ?? ''}`, rename.newname ?? '')];
    },
    // MySQL: RENAME COLUMN and CHANGE old new ...; SQLite: RENAME [COLUMN]; SQL Server: sp_rename ..., 'COLUMN'.
    ...keywordChecks(KEYWORD_DIALECTS, (tokens, statement, context, dialect) =>
      renamedColumns(tokens, statement.sql, dialect)
        .filter((rename) => rename.table.parts.length > 0 && isExistingTableName(rename.table, context))
        .map((rename) => renameReport(`${nameLabel(rename.table)}.${rename.column}`, rename.newName, rename.offset)),
    ),
  },
};

function renameReport(column: string, newName: string, offset?: number): RuleReport {
  return { message: `Renaming ${column} to ${newName} breaks clients that use the old name.`, offset };
}
