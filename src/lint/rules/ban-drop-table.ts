import { KEYWORD_DIALECTS, keywordChecks } from '../keywords/checks.js';
import { isExistingTableName, nameKey, nameLabel } from '../keywords/shape.js';
import { dropStatement } from '../keywords/statements.js';
import { droppedTables, isExistingTable, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule, RuleReport } from '../types.js';

/** Application code deployed before the migration still queries the table and fails once it is gone. */
export const banDropTable: Rule = {
  id: 'ban-drop-table',
  severity: 'warning',
  effect: 'destroys-data',
  description: 'DROP TABLE on an existing table breaks clients that still use it, and its data is gone for good.',
  help: 'Stop using the table in the application and deploy that first; drop it in a later migration, after a backup.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      const tables = node ? droppedTables(node).filter((table) => isExistingTable(table, context)) : [];
      return tables.map((table) => dropReport(relationLabel(table)));
    },
    ...keywordChecks(KEYWORD_DIALECTS, (tokens, statement, context, dialect) => {
      const drop = dropStatement(tokens, statement.sql);
      // MySQL's DROP TEMPORARY TABLE only touches this session's table.
      if (drop?.object !== 'TABLE' || drop.temporary) return [];
      // SQLite changes a table by rebuilding it: copy into a new table, drop the old, rename the new.
      const rebuilt = (key: string): boolean => dialect === 'sqlite' && context.copiedTables?.has(key) === true;
      return drop.names.filter((name) => isExistingTableName(name, context) && !rebuilt(nameKey(name))).map((name) => dropReport(nameLabel(name), name.offset));
    }),
  },
};

function dropReport(table: string, offset?: number): RuleReport {
  return { message: `Dropping table ${table} breaks clients that still use it and deletes its data.`, offset };
}
