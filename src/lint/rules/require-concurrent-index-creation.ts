import { isExistingTable, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** CREATE INDEX without CONCURRENTLY holds a SHARE lock, which blocks writes, for the whole build. */
export const requireConcurrentIndexCreation: Rule = {
  id: 'require-concurrent-index-creation',
  severity: 'error',
  effect: 'locks',
  description: 'CREATE INDEX on an existing table without CONCURRENTLY blocks writes while the index builds.',
  help: 'Use CREATE INDEX CONCURRENTLY, outside any transaction block.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      if (!node || !('IndexStmt' in node)) return [];
      const index = node.IndexStmt;
      if (index.concurrent || !isExistingTable(index.relation, context)) return [];
      return [{ message: `CREATE INDEX on ${relationLabel(index.relation)} without CONCURRENTLY blocks writes to the table until the index is built.` }];
    },
  },
};
