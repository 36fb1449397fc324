import type { Node, RangeVar } from 'libpg-query';
import { droppedTables, isExistingTable, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { LintContext, Rule } from '../types.js';

/**
 * A DDL lock that has to wait for a long query makes every later query on the table wait behind
 * it: without lock_timeout, a migration stuck on a lock takes the table down with it.
 */
export const requireLockTimeout: Rule = {
  id: 'require-lock-timeout',
  severity: 'warning',
  description: 'DDL that locks an existing table runs with no lock_timeout set earlier in the script.',
  help: "Run SET lock_timeout = '5s' (or SET LOCAL inside the transaction) before it, and retry the migration if it times out.",
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      const table = node && !context.lockTimeout ? lockedTable(node, context) : undefined;
      if (table === undefined) return [];
      return [{ message: `This statement locks ${table} with no lock_timeout: while it waits for the lock, every query on the table queues behind it.` }];
    },
  },
};

/** The first table the statement locks against writes that existed before the script, if any. */
function lockedTable(node: Node, context: LintContext): string | undefined {
  const table = lockedTables(node).find((relation) => isExistingTable(relation, context));
  return table && relationLabel(table);
}

function lockedTables(node: Node): RangeVar[] {
  const listed = (relation: RangeVar | undefined): RangeVar[] => (relation ? [relation] : []);
  if ('AlterTableStmt' in node) return node.AlterTableStmt.objtype === 'OBJECT_TABLE' ? listed(node.AlterTableStmt.relation) : [];
  if ('IndexStmt' in node) return node.IndexStmt.concurrent ? [] : listed(node.IndexStmt.relation);
  if ('RenameStmt' in node) return listed(node.RenameStmt.relation);
  if ('TruncateStmt' in node) return (node.TruncateStmt.relations ?? []).flatMap((item) => ('RangeVar' in item ? [item.RangeVar] : []));
  return droppedTables(node);
}
