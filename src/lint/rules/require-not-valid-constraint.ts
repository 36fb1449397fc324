import type { Constraint } from 'libpg-query';
import { columnConstraints, definedConstraint, offsetOf, postgresqlAst, qualifiedName, reportAddedColumns, reportSubcommands } from '../postgresql/ast.js';
import type { LintContext, LintStatement, Rule, RuleReport } from '../types.js';

const KINDS: Partial<Record<NonNullable<Constraint['contype']>, string>> = { CONSTR_CHECK: 'CHECK', CONSTR_FOREIGN: 'FOREIGN KEY' };

/** Adding a validated CHECK or FOREIGN KEY scans the whole table while holding a lock that blocks writes. */
export const requireNotValidConstraint: Rule = {
  id: 'require-not-valid-constraint',
  severity: 'error',
  effect: 'locks',
  description:
    'ADD CONSTRAINT ... CHECK or FOREIGN KEY without NOT VALID (on a table or a domain), ADD COLUMN with one inline, or VALIDATE CONSTRAINT in the transaction that added it NOT VALID, checks every row while blocking writes.',
  help: 'Add the constraint NOT VALID (an ALTER of its own for a new column), then run ALTER TABLE ... VALIDATE CONSTRAINT in a separate transaction.',
  checks: {
    postgresql: (statement, context) => [...addedConstraints(statement, context), ...inlineConstraints(statement, context), ...validatedTooSoon(statement, context), ...domainConstraints(statement)],
  },
};

function addedConstraints(statement: LintStatement, context: LintContext): RuleReport[] {
  return reportSubcommands(statement, context, 'AT_AddConstraint', (command, table) => {
    const constraint = definedConstraint(command.def);
    const kind = KINDS[constraint?.contype ?? 'CONSTR_NULL'];
    if (!constraint || !kind || constraint.skip_validation) return undefined;
    const name = constraint.conname ? `${constraint.conname} ` : '';
    return { message: `ADD CONSTRAINT ${name}${kind} checks every row of ${table} while holding a lock that blocks writes.`, offset: offsetOf(statement, constraint.location) };
  });
}

/** A constraint written on the new column cannot be NOT VALID, so it is checked at once. */
function inlineConstraints(statement: LintStatement, context: LintContext): RuleReport[] {
  return reportAddedColumns(statement, context, (column, table) => {
    const constraint = columnConstraints(column).find((candidate) => KINDS[candidate.contype ?? 'CONSTR_NULL']);
    if (!constraint) return undefined;
    const kind = KINDS[constraint.contype!]!;
    return {
      message: `ADD COLUMN ${column.colname ?? ''} with an inline ${kind} checks every row of ${table} while holding an ACCESS EXCLUSIVE lock; an inline constraint cannot be NOT VALID.`,
      offset: offsetOf(statement, constraint.location),
    };
  });
}

/**
 * VALIDATE in the transaction that added the constraint NOT VALID: the ADD's lock (ACCESS
 * EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE for a foreign key) is still held, so the scan
 * blocks what NOT VALID was meant to let through.
 */
function validatedTooSoon(statement: LintStatement, context: LintContext): RuleReport[] {
  return reportSubcommands(statement, context, 'AT_ValidateConstraint', (command, table, relation) => {
    if (!context.notValidInTransaction?.has(`${relation.relname}.${command.name ?? ''}`)) return undefined;
    return { message: `VALIDATE CONSTRAINT ${command.name ?? ''} runs in the transaction that added it NOT VALID: the lock that ADD took on ${table} is held through the scan, so writes wait as if NOT VALID had not been used.` };
  });
}

/** ALTER DOMAIN ... ADD CONSTRAINT checks every column of the domain, holding a SHARE lock (no writes) on each table through its scan. */
function domainConstraints(statement: LintStatement): RuleReport[] {
  const node = postgresqlAst(statement);
  const alter = node && 'AlterDomainStmt' in node ? node.AlterDomainStmt : undefined;
  const constraint = alter?.subtype === 'C' ? definedConstraint(alter.def) : undefined;
  if (!constraint || constraint.contype !== 'CONSTR_CHECK' || constraint.skip_validation) return [];
  return [
    {
      message: `ALTER DOMAIN ${qualifiedName(alter!.typeName)} ADD CONSTRAINT checks every column of that domain in every table, blocking writes to each table while it reads it.`,
      offset: offsetOf(statement, constraint.location),
    },
  ];
}
