/**
 * The built-in column types a PostgreSQL statement chooses, for the type advice rules
 * (prefer-bigint-over-int and its siblings): the columns of CREATE TABLE, ALTER TABLE ... ADD
 * COLUMN and ALTER COLUMN ... TYPE. Unlike the lock rules, they look at tables the script creates
 * too: that is where a type is chosen.
 */
import type { ColumnDef, Node, TypeName } from 'libpg-query';
import type { LintStatement, RuleReport } from '../types.js';
import { offsetOf, postgresqlAst, relationLabel } from './ast.js';

/** A column and the built-in type a statement gives it. */
export interface ColumnType {
  /** `table.column`, as the parser folded them. */
  column: string;
  /** The type's name as the parser folds it, without modifiers: `int4` for `integer`, `bpchar` for `char(3)`. */
  type: string;
  /** The first type modifier, such as the length of `varchar(20)`. */
  length?: number;
}

/**
 * Reports on each column whose built-in type `advice` has something to say about; a type of a
 * schema other than `pg_catalog` (a domain, an extension's type) is passed by.
 *
 * @example
 * reportColumnTypes(statement, ({ column, type }) => (type === 'timestamp' ? `${column} is timestamp.` : undefined))
 */
export function reportColumnTypes(statement: LintStatement, advice: (column: ColumnType) => string | undefined): RuleReport[] {
  const node = postgresqlAst(statement);
  return (node ? typedColumns(node) : []).flatMap(({ column, typeName }) => {
    const type = builtinTypeName(typeName);
    const message = type === undefined ? undefined : advice({ column, type, length: firstModifier(typeName) });
    return message ? [{ message, offset: offsetOf(statement, typeName.location) }] : [];
  });
}

/** The columns a statement declares or retypes, with the type written for each. */
function typedColumns(node: Node): { column: string; typeName: TypeName }[] {
  if ('CreateStmt' in node) {
    const table = relationLabel(node.CreateStmt.relation);
    return (node.CreateStmt.tableElts ?? []).flatMap((element) => ('ColumnDef' in element ? typed(table, element.ColumnDef.colname, element.ColumnDef) : []));
  }
  if (!('AlterTableStmt' in node) || node.AlterTableStmt.objtype !== 'OBJECT_TABLE') return [];
  const table = relationLabel(node.AlterTableStmt.relation);
  return (node.AlterTableStmt.cmds ?? []).flatMap((item) => {
    const command = 'AlterTableCmd' in item ? item.AlterTableCmd : undefined;
    const definition = command?.def && 'ColumnDef' in command.def ? command.def.ColumnDef : undefined;
    if (command?.subtype === 'AT_AddColumn') return typed(table, definition?.colname, definition);
    return command?.subtype === 'AT_AlterColumnType' ? typed(table, command.name, definition) : [];
  });
}

/** A partition's column options (`PARTITION OF ... (col WITH OPTIONS ...)`) name no type. */
function typed(table: string, name: string | undefined, definition: ColumnDef | undefined): { column: string; typeName: TypeName }[] {
  return definition?.typeName ? [{ column: `${table}.${name ?? ''}`, typeName: definition.typeName }] : [];
}

/** `int4` for `integer`, `int4` or `pg_catalog.int4`; undefined for `app.int4`. */
function builtinTypeName(typeName: TypeName): string | undefined {
  const parts = (typeName.names ?? []).map((part) => ('String' in part ? part.String.sval : undefined));
  const builtin = parts.length === 1 || (parts.length === 2 && parts[0] === 'pg_catalog');
  return builtin ? parts.at(-1) : undefined;
}

function firstModifier(typeName: TypeName): number | undefined {
  const modifier = typeName.typmods?.[0];
  return modifier && 'A_Const' in modifier ? modifier.A_Const.ival?.ival : undefined;
}
