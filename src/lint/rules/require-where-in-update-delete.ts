import { KEYWORD_DIALECTS, keywordChecks } from '../keywords/checks.js';
import { isExistingTableName, nameLabel } from '../keywords/shape.js';
import { dataChange } from '../keywords/statements.js';
import { isExistingTable, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule, RuleReport } from '../types.js';

/** A forgotten WHERE changes every row, and locks them all until the transaction ends. */
export const requireWhereInUpdateDelete: Rule = {
  id: 'require-where-in-update-delete',
  severity: 'warning',
  effect: 'destroys-data',
  description: 'UPDATE or DELETE without WHERE on an existing table changes every row.',
  help: 'Add a WHERE clause (WHERE true if every row is meant); update large tables in batches by key range.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      const [verb, change] = node && 'UpdateStmt' in node ? ['UPDATE', node.UpdateStmt] : node && 'DeleteStmt' in node ? ['DELETE', node.DeleteStmt] : [];
      if (!verb || !change || change.whereClause || !isExistingTable(change.relation, context)) return [];
      return [unfilteredReport(verb, relationLabel(change.relation))];
    },
    // A LIMIT (MySQL, SQLite) or TOP (SQL Server) caps the rows changed: that is a batch, not every row.
    ...keywordChecks(KEYWORD_DIALECTS, (tokens, statement, context) => {
      const change = dataChange(tokens, statement.sql);
      if (!change || change.filtered || change.limited || !isExistingTableName(change.table, context)) return [];
      return [unfilteredReport(change.verb, nameLabel(change.table))];
    }),
  },
};

function unfilteredReport(verb: string, table: string): RuleReport {
  return { message: `${verb} on ${table} has no WHERE: it changes every row and locks them all until the transaction ends.` };
}
