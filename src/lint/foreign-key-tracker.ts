/**
 * The foreign keys a script creates, for `ban-drop-foreign-key`: a constraint created as a foreign
 * key earlier in the script is known to be one when it is dropped. Each dialect says how to read
 * the names from a statement; this adds them to any tracker's context.
 */
import type { Node } from 'libpg-query';
import { postgresqlAst } from './postgresql/ast.js';
import type { ScriptTracker } from './postgresql/script-tracker.js';
import type { LintStatement } from './types.js';

/** A tracker whose context also has `createdForeignKeys`, read from each statement by `namesIn`. */
export function withCreatedForeignKeys(tracker: ScriptTracker, namesIn: (statement: LintStatement) => readonly string[]): ScriptTracker {
  const created = new Set<string>();
  return {
    get context() {
      // Object.assign: a spread with another key costs several times more on Node 20, once a statement.
      return Object.assign({}, tracker.context, { createdForeignKeys: created });
    },
    observe(statement: LintStatement) {
      tracker.observe(statement);
      for (const name of namesIn(statement)) created.add(name.toLowerCase());
    },
  };
}

/**
 * The named foreign keys of a PostgreSQL `CREATE TABLE` (column or table constraints) or
 * `ALTER TABLE ... ADD CONSTRAINT`.
 */
export function postgresqlForeignKeys(statement: LintStatement): string[] {
  const node = postgresqlAst(statement);
  if (!node) return [];
  return constraintsOf(node).flatMap((constraint) =>
    'Constraint' in constraint && constraint.Constraint.contype === 'CONSTR_FOREIGN' && constraint.Constraint.conname ? [constraint.Constraint.conname] : [],
  );
}

function constraintsOf(node: Node): Node[] {
  if ('CreateStmt' in node) {
    return (node.CreateStmt.tableElts ?? []).flatMap((element) => ('ColumnDef' in element ? (element.ColumnDef.constraints ?? []) : [element]));
  }
  if (!('AlterTableStmt' in node)) return [];
  return (node.AlterTableStmt.cmds ?? []).flatMap((command) => ('AlterTableCmd' in command && command.AlterTableCmd.subtype === 'AT_AddConstraint' && command.AlterTableCmd.def ? [command.AlterTableCmd.def] : []));
}
