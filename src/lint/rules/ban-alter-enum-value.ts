import type { AlterEnumStmt } from 'libpg-query';
import { postgresqlAst, qualifiedName } from '../postgresql/ast.js';
import type { LintStatement, Rule, RuleReport } from '../types.js';

/**
 * Renaming an enum value breaks clients that still use the old label; a value added inside a
 * transaction block cannot be used before the transaction commits (PostgreSQL 12+), and before
 * PostgreSQL 12 ADD VALUE is refused there altogether.
 */
export const banAlterEnumValue: Rule = {
  id: 'ban-alter-enum-value',
  severity: 'warning',
  effect: 'breaks-clients',
  description: 'ALTER TYPE ... RENAME VALUE breaks clients; ALTER TYPE ... ADD VALUE in a transaction block leaves the value unusable until commit.',
  help: 'Add the new value outside any transaction block (op.outsideTransaction), move clients and rows to it, and leave the old value unused instead of renaming it.',
  checks: {
    postgresql(statement) {
      const node = postgresqlAst(statement);
      if (!node || !('AlterEnumStmt' in node)) return [];
      const report = enumValueReport(node.AlterEnumStmt, statement);
      return report ? [report] : [];
    },
  },
};

function enumValueReport(change: AlterEnumStmt, statement: LintStatement): RuleReport | undefined {
  const type = qualifiedName(change.typeName);
  if (change.oldVal !== undefined) {
    return { message: `Renaming value '${change.oldVal}' of enum ${type} to '${change.newVal ?? ''}' breaks clients that still send or compare the old label.` };
  }
  if (!statement.inTransaction) return undefined;
  return {
    message: `Adding value '${change.newVal ?? ''}' to enum ${type} inside a transaction block: the value cannot be used until the transaction commits (before PostgreSQL 12 the statement fails).`,
  };
}
