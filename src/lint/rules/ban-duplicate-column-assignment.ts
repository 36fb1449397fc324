import type { Node, ResTarget } from 'libpg-query';
import { offsetOf, postgresqlAst } from '../postgresql/ast.js';
import type { LintStatement, Rule, RuleReport } from '../types.js';

/** PostgreSQL refuses a statement that gives one column two values ("multiple assignments to same column", "column specified more than once"). */
export const banDuplicateColumnAssignment: Rule = {
  id: 'ban-duplicate-column-assignment',
  severity: 'error',
  effect: 'fails',
  description: 'UPDATE ... SET, INSERT (columns) or ON CONFLICT DO UPDATE SET names a column twice, which PostgreSQL refuses.',
  help: 'Name each column once; combine the two expressions into one if both were meant.',
  checks: {
    postgresql(statement) {
      const node = postgresqlAst(statement);
      return node ? assignmentLists(node).flatMap((list) => repeated(list, statement)) : [];
    },
  },
};

/** The column lists of the statement: an UPDATE's SET, an INSERT's columns and its ON CONFLICT DO UPDATE SET. */
function assignmentLists(node: Node): Node[][] {
  if ('UpdateStmt' in node) return [node.UpdateStmt.targetList ?? []];
  if (!('InsertStmt' in node)) return [];
  const { cols, onConflictClause } = node.InsertStmt;
  return [cols ?? [], onConflictClause?.targetList ?? []];
}

/** The second and later assignments of a column; a field of a composite column (`SET x.y =`) is its own target. */
function repeated(list: readonly Node[], statement: LintStatement): RuleReport[] {
  const seen = new Set<string>();
  return list.flatMap((item) => {
    const target: ResTarget | undefined = 'ResTarget' in item ? item.ResTarget : undefined;
    if (!target?.name || (target.indirection?.length ?? 0) > 0) return [];
    if (!seen.has(target.name)) {
      seen.add(target.name);
      return [];
    }
    return [{ message: `Column ${target.name} is named twice: PostgreSQL refuses the statement.`, offset: offsetOf(statement, target.location) }];
  });
}
