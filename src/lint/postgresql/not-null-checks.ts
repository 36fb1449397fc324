/**
 * The `CHECK (column IS NOT NULL)` constraints a PostgreSQL script adds, validates and drops:
 * from version 12 on, SET NOT NULL skips its full-table scan when a valid one proves the column.
 */
import type { AlterTableCmd, Constraint, Node } from 'libpg-query';
import { definedConstraint } from './ast.js';

interface NotNullCheck {
  column: string;
  valid: boolean;
}

/** Follows the checks through a script; names are unqualified, as the other script facts are. */
export class NotNullChecks {
  /** By table, then constraint name. */
  private readonly byTable = new Map<string, Map<string, NotNullCheck>>();
  /** {@link proven}, kept until a check changes: the engine asks for it before every statement. */
  private provenColumns: ReadonlySet<string> | undefined = new Set();

  observe(node: Node): void {
    if (!('AlterTableStmt' in node)) return;
    const table = node.AlterTableStmt.relation?.relname;
    if (!table) return;
    for (const item of node.AlterTableStmt.cmds ?? []) {
      if ('AlterTableCmd' in item) this.observeCommand(table, item.AlterTableCmd);
    }
  }

  /** `table.column` for each column a valid check proves not null. */
  get proven(): ReadonlySet<string> {
    if (this.provenColumns) return this.provenColumns;
    const proven = new Set<string>();
    for (const [table, checks] of this.byTable) for (const check of checks.values()) if (check.valid) proven.add(`${table}.${check.column}`);
    return (this.provenColumns = proven);
  }

  private observeCommand(table: string, command: AlterTableCmd): void {
    if (this.changedCheck(table, command)) this.provenColumns = undefined;
  }

  /** Adds, validates or drops the check `command` names; whether a check changed. */
  private changedCheck(table: string, command: AlterTableCmd): boolean {
    const checks = this.byTable.get(table);
    if (command.subtype === 'AT_AddConstraint') {
      const constraint = definedConstraint(command.def);
      const column = constraint && notNullColumn(constraint);
      if (!column || !constraint.conname) return false;
      this.byTable.set(table, (checks ?? new Map<string, NotNullCheck>()).set(constraint.conname, { column, valid: !constraint.skip_validation }));
      return true;
    }
    if (command.subtype === 'AT_ValidateConstraint' && command.name) {
      const check = checks?.get(command.name);
      if (check) check.valid = true;
      return check !== undefined;
    }
    return command.subtype === 'AT_DropConstraint' && command.name !== undefined && (checks?.delete(command.name) ?? false);
  }
}

/** The column of `CHECK (column IS NOT NULL)`, or undefined for any other constraint. */
function notNullColumn(constraint: Constraint): string | undefined {
  const test = constraint.contype === 'CONSTR_CHECK' && constraint.raw_expr && 'NullTest' in constraint.raw_expr ? constraint.raw_expr.NullTest : undefined;
  const fields = test?.nulltesttype === 'IS_NOT_NULL' && test.arg && 'ColumnRef' in test.arg ? test.arg.ColumnRef.fields : undefined;
  const only = fields?.length === 1 ? fields[0] : undefined;
  return only && 'String' in only ? only.String.sval : undefined;
}
