import { droppedIndexes, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table, so it waits for and blocks everyone. */
export const requireConcurrentIndexDeletion: Rule = {
  id: 'require-concurrent-index-deletion',
  severity: 'warning',
  effect: 'locks',
  description: 'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table of the index.',
  help: 'Use DROP INDEX CONCURRENTLY, one index per statement, outside any transaction block.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      if (!node || !('DropStmt' in node) || node.DropStmt.concurrent) return [];
      const indexes = droppedIndexes(node).filter((index) => index.relname !== undefined && !context.createdIndexes.has(index.relname));
      return indexes.map((index) => ({
        message: `DROP INDEX ${relationLabel(index)} without CONCURRENTLY locks its table against all reads and writes, and every query on the table queues behind it while it waits for that lock.`,
      }));
    },
  },
};
