/**
 * Small readers of libpg-query parse trees, shared by the PostgreSQL rules. A tree is JSON in
 * which fields at their default (false, 0, empty) are left out.
 */
import type { AlterTableCmd, ColumnDef, Constraint, DefElem, FuncCall, Node, RangeVar } from 'libpg-query';
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

interface AlteredTable {
  relation?: RangeVar;
  commands: AlterTableCmd[];
}

/** Read once per statement: some twenty rules ask each ALTER TABLE for its sub-commands. */
const alteredTables = new WeakMap<object, AlteredTable>();

/** The table and sub-commands of an `ALTER TABLE`, or undefined for any other statement. */
function alterTable(statement: LintStatement): AlteredTable | undefined {
  const node = postgresqlAst(statement);
  if (!node || !('AlterTableStmt' in node) || node.AlterTableStmt.objtype !== 'OBJECT_TABLE') return undefined;
  const stmt = node.AlterTableStmt;
  let altered = alteredTables.get(stmt);
  if (!altered) {
    const commands = (stmt.cmds ?? []).flatMap((command) => ('AlterTableCmd' in command ? [command.AlterTableCmd] : []));
    altered = { relation: stmt.relation, commands };
    alteredTables.set(stmt, altered);
  }
  return altered;
}

/**
 * Reports on the `ALTER TABLE` sub-commands of one kind, when the table existed before the
 * script; `report` gets each sub-command, the table's label and its relation, and may pass one by.
 */
export function reportSubcommands(
  statement: LintStatement,
  context: LintContext,
  subtype: AlterTableCmd['subtype'],
  report: (command: AlterTableCmd, table: string, relation: RangeVar) => RuleReport | undefined,
): RuleReport[] {
  const altered = alterTable(statement);
  if (!altered?.relation || !isExistingTable(altered.relation, context)) return [];
  const { relation } = altered;
  const table = relationLabel(relation);
  return altered.commands.filter((command) => command.subtype === subtype).flatMap((command) => report(command, table, relation) ?? []);
}

/**
 * Reports on the columns an `ALTER TABLE ... ADD COLUMN` adds to a table that existed before the
 * script; `report` gets each column and the table's label, and may pass one by.
 */
export function reportAddedColumns(
  statement: LintStatement,
  context: LintContext,
  report: (column: ColumnDef, table: string) => RuleReport | undefined,
): RuleReport[] {
  return reportSubcommands(statement, context, 'AT_AddColumn', (command, table) =>
    command.def && 'ColumnDef' in command.def ? report(command.def.ColumnDef, table) : undefined,
  );
}

/** The constraints written on a column: `NOT NULL`, `DEFAULT`, `GENERATED`, `UNIQUE`... */
export function columnConstraints(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).flatMap((item) => ('Constraint' in item ? [item.Constraint] : []));
}

/** Column types whose default takes the next value of a sequence for each row. */
const SERIAL_TYPES = new Set(['smallserial', 'serial', 'bigserial', 'serial2', 'serial4', 'serial8']);

/** Whether the column is declared `serial` (or a sibling), which gives it a sequence default. */
export function isSerialColumn(column: ColumnDef): boolean {
  const type = column.typeName?.names?.at(-1);
  return type !== undefined && 'String' in type && SERIAL_TYPES.has(type.String.sval ?? '');
}

/**
 * The `name` option of an option list (`VACUUM (FULL)`, `REINDEX (CONCURRENTLY)`) when it is on:
 * written bare or with a true value. `(FULL false)`, `(FULL off)` and `(FULL 0)` turn it off.
 */
export function enabledOption(options: readonly Node[] | undefined, name: string): DefElem | undefined {
  const option = (options ?? []).flatMap((item) => ('DefElem' in item ? [item.DefElem] : [])).find((item) => item.defname === name);
  return option && !isFalse(option.arg) ? option : undefined;
}

/** A boolean option value that is false; the tree leaves an integer 0 out. */
function isFalse(value: Node | undefined): boolean {
  if (!value) return false;
  if ('Integer' in value) return !value.Integer.ival;
  return 'String' in value && /^(?:false|off)$/i.test(value.String.sval ?? '');
}

/** The UTF-16 offset into the statement of a tree node's byte `location`, when it has one. */
export function offsetOf(statement: LintStatement, location: number | undefined): number | undefined {
  return location === undefined || location < 0 ? undefined : characterOffset(statement.sql, location - (statement.astBase ?? 0));
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
  return droppedObjects(node, 'OBJECT_TABLE');
}

/** The indexes a `DROP INDEX` names, as relations: `relname` is the index's name. */
export function droppedIndexes(node: Node): RangeVar[] {
  return droppedObjects(node, 'OBJECT_INDEX');
}

function droppedObjects(node: Node, kind: 'OBJECT_TABLE' | 'OBJECT_INDEX' | 'OBJECT_VIEW' | 'OBJECT_MATVIEW'): RangeVar[] {
  if (!('DropStmt' in node) || node.DropStmt.removeType !== kind) return [];
  return (node.DropStmt.objects ?? []).map((object) => {
    const parts = nameParts('List' in object ? object.List.items : undefined);
    return { relname: parts.at(-1), schemaname: parts.at(-2) };
  });
}

/** The constraint an `ADD CONSTRAINT` (of a table or a domain) defines, from the command's `def`. */
export function definedConstraint(def: Node | undefined): Constraint | undefined {
  return def && 'Constraint' in def ? def.Constraint : undefined;
}

/** The parts of a dotted name, as the tree lists them (`schema.type` → `['schema', 'type']`). */
function nameParts(names: readonly Node[] | undefined): (string | undefined)[] {
  return (names ?? []).map((part) => ('String' in part ? part.String.sval : undefined));
}

/** A dotted name from its list of parts, as the parser folded it: `schema.type` or `type`. */
export function qualifiedName(names: readonly Node[] | undefined): string {
  return nameParts(names).filter(Boolean).join('.');
}

/** `schema.table` or `table`, as the parser folded it. */
export function relationLabel(relation: RangeVar | undefined): string {
  return [relation?.schemaname, relation?.relname].filter(Boolean).join('.');
}

/**
 * The label of the first table that existed before the script which the statement locks against
 * writes (`ALTER TABLE`, `CREATE INDEX` without `CONCURRENTLY`, renames, `TRUNCATE`, `DROP TABLE`).
 */
export function lockedTable(statement: LintStatement, context: LintContext): string | undefined {
  const node = postgresqlAst(statement);
  // A relation the script made itself (a table, or an index of one) has no one waiting on it.
  const table = node && lockedTables(node).find((relation) => isExistingTable(relation, context) && !context.createdIndexes.has(relation.relname!));
  return table && relationLabel(table);
}

/**
 * The relations a statement locks so that reads or writes on them wait: DDL and TRUNCATE, and
 * LOCK, CLUSTER, REINDEX, VACUUM FULL, a plain REFRESH MATERIALIZED VIEW and DROP INDEX/VIEW
 * (the CONCURRENTLY forms let reads and writes go on). COMMENT ON takes SHARE UPDATE EXCLUSIVE,
 * which blocks neither, and CREATE TYPE locks no existing relation, so they are not listed.
 */
function lockedTables(node: Node): RangeVar[] {
  const listed = (relation: RangeVar | undefined): RangeVar[] => (relation ? [relation] : []);
  const ranges = (items: readonly Node[] | undefined): RangeVar[] => (items ?? []).flatMap((item) => ('RangeVar' in item ? [item.RangeVar] : []));
  if ('AlterTableStmt' in node) return node.AlterTableStmt.objtype === 'OBJECT_TABLE' ? listed(node.AlterTableStmt.relation) : [];
  if ('IndexStmt' in node) return node.IndexStmt.concurrent ? [] : listed(node.IndexStmt.relation);
  if ('RenameStmt' in node) return listed(node.RenameStmt.relation);
  if ('TruncateStmt' in node) return ranges(node.TruncateStmt.relations);
  if ('LockStmt' in node) return ranges(node.LockStmt.relations);
  if ('ClusterStmt' in node) return listed(node.ClusterStmt.relation);
  if ('ReindexStmt' in node) return enabledOption(node.ReindexStmt.params, 'concurrently') ? [] : listed(node.ReindexStmt.relation);
  if ('VacuumStmt' in node) return node.VacuumStmt.is_vacuumcmd && enabledOption(node.VacuumStmt.options, 'full') ? vacuumed(node.VacuumStmt.rels) : [];
  if ('RefreshMatViewStmt' in node) return node.RefreshMatViewStmt.concurrent ? [] : listed(node.RefreshMatViewStmt.relation);
  if ('DropStmt' in node && node.DropStmt.concurrent) return [];
  return [...droppedTables(node), ...droppedIndexes(node), ...droppedObjects(node, 'OBJECT_VIEW'), ...droppedObjects(node, 'OBJECT_MATVIEW')];
}

function vacuumed(relations: readonly Node[] | undefined): RangeVar[] {
  return (relations ?? []).flatMap((item) => ('VacuumRelation' in item && item.VacuumRelation.relation ? [item.VacuumRelation.relation] : []));
}
