import { enabledOption, isExistingTable, offsetOf, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** VACUUM FULL writes a new copy of each table and its indexes while holding an ACCESS EXCLUSIVE lock on it. */
export const banVacuumFull: Rule = {
  id: 'ban-vacuum-full',
  severity: 'error',
  effect: 'rewrites',
  description: 'VACUUM FULL rewrites each table it names (with none: every table) under an ACCESS EXCLUSIVE lock.',
  help: 'Leave space reclaiming to plain VACUUM and autovacuum, or shrink the table online with pg_repack or pg_squeeze.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      if (!node || !('VacuumStmt' in node)) return [];
      const { options, rels = [] } = node.VacuumStmt;
      const full = enabledOption(options, 'full');
      if (!full) return [];
      const relations = rels.flatMap((item) => ('VacuumRelation' in item && item.VacuumRelation.relation ? [item.VacuumRelation.relation] : []));
      if (relations.length === 0) {
        return [{ message: 'VACUUM FULL with no table rewrites every table of the database, each under a lock that blocks all reads and writes of it.', offset: offsetOf(statement, full.location) }];
      }
      return relations
        .filter((relation) => isExistingTable(relation, context))
        .map((relation) => ({
          message: `VACUUM FULL rewrites ${relationLabel(relation)} and its indexes while blocking all reads and writes of the table.`,
          offset: offsetOf(statement, relation.location),
        }));
    },
  },
};
