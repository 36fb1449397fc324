import type { Constraint } from 'libpg-query';
import { columnConstraints, definedConstraint, offsetOf, reportAddedColumns, reportSubcommands } from '../postgresql/ast.js';
import type { LintStatement, Rule, RuleReport } from '../types.js';

const KINDS: Partial<Record<NonNullable<Constraint['contype']>, string>> = { CONSTR_UNIQUE: 'UNIQUE', CONSTR_PRIMARY: 'PRIMARY KEY' };

/**
 * A UNIQUE or PRIMARY KEY constraint added by ALTER TABLE builds its index over every row under the
 * ALTER TABLE's ACCESS EXCLUSIVE lock, unless it adopts an index built beforehand (USING INDEX).
 */
export const preferConstraintUsingIndex: Rule = {
  id: 'prefer-constraint-using-index',
  severity: 'error',
  effect: 'locks',
  description: 'ADD UNIQUE or PRIMARY KEY on an existing table without USING INDEX builds the index while blocking reads and writes.',
  help: 'Build the index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE (or PRIMARY KEY) USING INDEX.',
  checks: {
    postgresql(statement, context) {
      const constraints = reportSubcommands(statement, context, 'AT_AddConstraint', (command, table) => {
        const constraint = definedConstraint(command.def);
        const name = constraint?.conname ? `${constraint.conname} ` : '';
        return constraint && indexBuild(statement, constraint, (kind) => `ADD CONSTRAINT ${name}${kind} on ${table}`);
      });
      const columns = reportAddedColumns(statement, context, (column, table) =>
        columnConstraints(column)
          .map((constraint) => indexBuild(statement, constraint, (kind) => `Adding ${table}.${column.colname ?? ''} as ${kind}`))
          .find((report) => report !== undefined),
      );
      return [...constraints, ...columns];
    },
  },
};

/** The report for a UNIQUE or PRIMARY KEY constraint that builds a new index; `what` says what adds it. */
function indexBuild(statement: LintStatement, constraint: Constraint, what: (kind: string) => string): RuleReport | undefined {
  const kind = KINDS[constraint.contype ?? 'CONSTR_NULL'];
  if (!kind || constraint.indexname) return undefined;
  return {
    message: `${what(kind)} builds a unique index over every row while holding an ACCESS EXCLUSIVE lock: no reads or writes of the table until it is built.`,
    offset: offsetOf(statement, constraint.location),
  };
}
