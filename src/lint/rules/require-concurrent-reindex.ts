import type { ReindexStmt } from 'libpg-query';
import { enabledOption, isExistingTable, offsetOf, postgresqlAst, relationLabel } from '../postgresql/ast.js';
import type { LintContext, LintStatement, Rule, RuleReport } from '../types.js';

/**
 * A plain REINDEX holds a SHARE lock on the table (no writes) and an ACCESS EXCLUSIVE lock on each
 * index it rebuilds (no reads through it). REINDEX SYSTEM is left out: it has no CONCURRENTLY form.
 */
export const requireConcurrentReindex: Rule = {
  id: 'require-concurrent-reindex',
  severity: 'warning',
  effect: 'locks',
  description: 'REINDEX without CONCURRENTLY blocks writes to the table, and reads that use the index, until it is rebuilt.',
  help: 'Use REINDEX ... CONCURRENTLY (PostgreSQL 12+), outside any transaction block.',
  checks: {
    postgresql(statement, context) {
      const node = postgresqlAst(statement);
      if (!node || !('ReindexStmt' in node) || enabledOption(node.ReindexStmt.params, 'concurrently')) return [];
      const report = reindexReport(node.ReindexStmt, statement, context);
      return report ? [report] : [];
    },
  },
};

function reindexReport(reindex: ReindexStmt, statement: LintStatement, context: LintContext): RuleReport | undefined {
  const { relation } = reindex;
  const offset = offsetOf(statement, relation?.location);
  switch (reindex.kind) {
    case 'REINDEX_OBJECT_INDEX':
      if (relation?.relname === undefined || context.createdIndexes.has(relation.relname)) return undefined;
      return { message: `REINDEX INDEX ${relationLabel(relation)} blocks writes to its table, and reads that use the index, until it is rebuilt.`, offset };
    case 'REINDEX_OBJECT_TABLE':
      if (!isExistingTable(relation, context)) return undefined;
      return { message: `REINDEX TABLE ${relationLabel(relation)} blocks writes to the table, and reads that use its indexes, until all are rebuilt.`, offset };
    case 'REINDEX_OBJECT_SCHEMA':
    case 'REINDEX_OBJECT_DATABASE': {
      const target = [reindex.kind === 'REINDEX_OBJECT_SCHEMA' ? 'SCHEMA' : 'DATABASE', reindex.name].filter(Boolean).join(' ');
      return { message: `REINDEX ${target} blocks writes to each of its tables, and reads that use their indexes, while it rebuilds them.` };
    }
    default:
      return undefined;
  }
}
