import { postgresqlAst } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** PostgreSQL refuses CREATE INDEX CONCURRENTLY inside a transaction block, so the script fails there. */
export const banConcurrentIndexCreationInTransaction: Rule = {
  id: 'ban-concurrent-index-creation-in-transaction',
  severity: 'error',
  effect: 'fails',
  description: 'CREATE INDEX CONCURRENTLY inside BEGIN ... COMMIT fails: PostgreSQL does not allow it in a transaction block.',
  help: 'Run CREATE INDEX CONCURRENTLY outside BEGIN ... COMMIT (in a revision: op.outsideTransaction).',
  checks: {
    postgresql(statement) {
      const node = postgresqlAst(statement);
      if (!node || !('IndexStmt' in node) || !node.IndexStmt.concurrent || !statement.inTransaction) return [];
      return [{ message: 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block; PostgreSQL will reject this statement.' }];
    },
  },
};
