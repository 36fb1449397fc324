/**
 * Small readers of libpg-query parse trees, shared by the PostgreSQL rules. A tree is JSON in
 * which fields at their default (false, 0, empty) are left out.
 */
import type { AlterTableCmd, FuncCall, Node, RangeVar } from 'libpg-query';
import { characterOffset } from '../parse-postgresql.js';
import type { LintContext, LintStatement, RuleReport } from '../types.js';

/** The statement's parse tree; the engine sets `ast` to a libpg-query `Node` for PostgreSQL. */
export function postgresqlAst(statement: LintStatement): Node | undefined {
  return statement.dialect === 'postgresql' ? (statement.ast as Node | undefined) : undefined;
}

/**
 * Whether `relation` names a table that existed before the script: one the script did not create.
 * Names are compared unqualified, as the parser folds them (see {@link LintContext.createdTables}).
 */
export function isExistingTable(relation: RangeVar | undefined, context: LintContext): boolean {
  return relation?.relname !== undefined && !context.createdTables.has(relation.relname);
}

/** The table and sub-commands of an `ALTER TABLE`, or undefined for any other statement. */
function alterTable(statement: LintStatement): { relation?: RangeVar; commands: AlterTableCmd[] } | undefined {
  const node = postgresqlAst(statement);
  if (!node || !('AlterTableStmt' in node) || node.AlterTableStmt.objtype !== 'OBJECT_TABLE') return undefined;
  const { relation, cmds = [] } = node.AlterTableStmt;
  const commands = cmds.flatMap((command) => ('AlterTableCmd' in command ? [command.AlterTableCmd] : []));
  return { relation, commands };
}

/**
 * Reports on the `ALTER TABLE` sub-commands of one kind, when the table existed before the
 * script; `report` gets each sub-command and the table's label, and may pass one by.
 */
export function reportSubcommands(
  statement: LintStatement,
  context: LintContext,
  subtype: AlterTableCmd['subtype'],
  report: (command: AlterTableCmd, table: string) => RuleReport | undefined,
): RuleReport[] {
  const altered = alterTable(statement);
  if (!altered || !isExistingTable(altered.relation, context)) return [];
  const table = relationLabel(altered.relation);
  return altered.commands.filter((command) => command.subtype === subtype).flatMap((command) => report(command, table) ?? []);
}

/** The UTF-16 offset into the statement of a tree node's byte `location`, when it has one. */
export function offsetOf(statement: LintStatement, location: number | undefined): number | undefined {
  return location === undefined || location < 0 ? undefined : characterOffset(statement.sql, location);
}

/** Every function call anywhere inside `tree`, in document order. */
export function functionCalls(tree: unknown): FuncCall[] {
  if (Array.isArray(tree)) return tree.flatMap(functionCalls);
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([key, value]) => (key === 'FuncCall' ? [value as FuncCall, ...functionCalls(value)] : functionCalls(value)));
}

/** A function's unqualified name, as the parser folded it (`pg_catalog.now` → `now`). */
export function functionName(call: FuncCall): string {
  const last = call.funcname?.at(-1);
  return last && 'String' in last ? (last.String.sval ?? '') : '';
}

/** The tables a `DROP TABLE` names, as relations (its tree holds them as lists of names). */
export function droppedTables(node: Node): RangeVar[] {
  if (!('DropStmt' in node) || node.DropStmt.removeType !== 'OBJECT_TABLE') return [];
  return (node.DropStmt.objects ?? []).map((object) => {
    const parts = 'List' in object ? (object.List.items ?? []).map((part) => ('String' in part ? part.String.sval : undefined)) : [];
    return { relname: parts.at(-1), schemaname: parts.at(-2) };
  });
}

/** `schema.table` or `table`, as the parser folded it. */
export function relationLabel(relation: RangeVar | undefined): string {
  return [relation?.schemaname, relation?.relname].filter(Boolean).join('.');
}
