import type { Constraint, Node } from 'libpg-query';
import { columnConstraints, isSerialColumn, offsetOf, reportAddedColumns } from '../postgresql/ast.js';
import type { Rule } from '../types.js';

/** Existing rows get NULL in a new column without a default, which a NOT NULL column refuses. */
export const banAddNotNullColumnWithoutDefault: Rule = {
  id: 'ban-add-not-null-column-without-default',
  severity: 'error',
  effect: 'fails',
  description: 'ADD COLUMN ... NOT NULL without a DEFAULT fails on an existing table as soon as it has a row.',
  help: 'Give the column a constant DEFAULT (no rewrite since PostgreSQL 11), or add it nullable, backfill it, then make it NOT NULL.',
  checks: {
    postgresql(statement, context) {
      return reportAddedColumns(statement, context, (column, table) => {
        const constraints = columnConstraints(column);
        const notNull = constraints.find((constraint) => constraint.contype === 'CONSTR_NOTNULL' || constraint.contype === 'CONSTR_PRIMARY');
        if (!notNull || isSerialColumn(column) || constraints.some(fillsExistingRows)) return undefined;
        const declared = notNull.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY (so NOT NULL)' : 'NOT NULL';
        return {
          message: `Adding ${table}.${column.colname ?? ''} as ${declared} without a default fails as soon as the table has a row: existing rows would get NULL.`,
          offset: offsetOf(statement, notNull.location),
        };
      });
    },
  },
};

/** A non-null default, a generation expression or an identity gives existing rows a value. */
function fillsExistingRows(constraint: Constraint): boolean {
  if (constraint.contype === 'CONSTR_DEFAULT') return !isNullConstant(constraint.raw_expr);
  return constraint.contype === 'CONSTR_GENERATED' || constraint.contype === 'CONSTR_IDENTITY';
}

/** `NULL` or `NULL::type`: a default that fills nothing. */
function isNullConstant(expression: Node | undefined): boolean {
  if (expression && 'TypeCast' in expression) return isNullConstant(expression.TypeCast.arg);
  return expression !== undefined && 'A_Const' in expression && expression.A_Const.isnull === true;
}
