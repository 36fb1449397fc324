import { isExistingTable, offsetOf, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** CLUSTER writes the table anew in index order while holding an ACCESS EXCLUSIVE lock on it. */
export const banCluster: Rule = {
  id: 'ban-cluster',
  severity: 'error',
  effect: 'rewrites',
  description: 'CLUSTER rewrites the table (with none named: every clustered table) under an ACCESS EXCLUSIVE lock.',
  help: 'Reorder the table online with pg_repack, or rely on an index instead of the physical order.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      if (!node || !('ClusterStmt' in node)) return [];
      const { relation } = node.ClusterStmt;
      if (!relation) return [{ message: 'CLUSTER with no table rewrites every clustered table of the database, each under a lock that blocks all reads and writes of it.' }];
      if (!isExistingTable(relation, context)) return [];
      return [{ message: `CLUSTER rewrites ${relationLabel(relation)} and its indexes while blocking all reads and writes of the table.`, offset: offsetOf(statement, relation.location) }];
    },
  },
};
