import { isExistingTable, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** A forgotten WHERE changes every row, and locks them all until the transaction ends. */
export const requireWhereInUpdateDelete: Rule = {
  id: 'require-where-in-update-delete',
  severity: 'warning',
  description: 'UPDATE or DELETE without WHERE on an existing table changes every row.',
  help: 'Add a WHERE clause (WHERE true if every row is meant); update large tables in batches by key range.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      const [verb, change] = node && 'UpdateStmt' in node ? ['UPDATE', node.UpdateStmt] : node && 'DeleteStmt' in node ? ['DELETE', node.DeleteStmt] : [];
      if (!change || change.whereClause || !isExistingTable(change.relation, context)) return [];
      return [{ message: `${verb} on ${relationLabel(change.relation)} has no WHERE: it changes every row and locks them all until the transaction ends.` }];
    },
  },
};
