import type { Node, ResTarget } from 'libpg-query';
import { offsetOf, postgresqlAst } from '../postgresql/ast.js';
import { firstQuery, outputColumns } from '../postgresql/output-columns.js';
import type { LintStatement, Rule, RuleReport } from '../types.js';

/**
 * PostgreSQL refuses a statement that names one column twice where each name must be one column:
 * "multiple assignments to same column", "column ... specified more than once".
 */
export const banDuplicateColumnAssignment: Rule = {
  id: 'ban-duplicate-column-assignment',
  severity: 'error',
  effect: 'fails',
  description:
    'A statement names one column twice where PostgreSQL refuses it: in UPDATE, MERGE or INSERT column lists, the columns of CREATE TABLE or TYPE, or the output columns of a view, CREATE TABLE ... AS or SELECT ... INTO.',
  help: 'Name each column once: combine the two values into one if both were meant, or rename an output column with AS.',
  checks: {
    postgresql(statement) {
      const node = postgresqlAst(statement);
      return node ? columnLists(node).flatMap((list) => repeated(list, statement)) : [];
    },
  },
};

/** A column a list names, and what kind of list it is. */
interface NamedColumn {
  name: string;
  kind: 'assigned' | 'defined' | 'output';
  /** Assigned by a field or an element (`SET address.city =`, `SET tags[1] =`), not whole. */
  part?: boolean;
  location?: number;
}

/** The lists of the statement in which no column may be named twice. */
function columnLists(node: Node): NamedColumn[][] {
  if ('UpdateStmt' in node) return [assigned(node.UpdateStmt.targetList)];
  if ('InsertStmt' in node) return [assigned(node.InsertStmt.cols), assigned(node.InsertStmt.onConflictClause?.targetList)];
  if ('MergeStmt' in node) return (node.MergeStmt.mergeWhenClauses ?? []).map((item) => assigned('MergeWhenClause' in item ? item.MergeWhenClause.targetList : []));
  if ('CreateStmt' in node) return [defined(node.CreateStmt.tableElts)];
  if ('CreateForeignTableStmt' in node) return [defined(node.CreateForeignTableStmt.base?.tableElts)];
  if ('CompositeTypeStmt' in node) return [defined(node.CompositeTypeStmt.coldeflist)];
  if ('ViewStmt' in node) return [output(node.ViewStmt.query, node.ViewStmt.aliases)];
  if ('CreateTableAsStmt' in node) return [output(node.CreateTableAsStmt.query, node.CreateTableAsStmt.into?.colNames)];
  // SELECT ... INTO makes a table; a plain SELECT may repeat an output name.
  const into = 'SelectStmt' in node ? firstQuery(node.SelectStmt).intoClause : undefined;
  return into ? [output(node, into.colNames)] : [];
}

function assigned(targets: readonly Node[] | undefined): NamedColumn[] {
  return (targets ?? []).flatMap((item) => {
    const target: ResTarget | undefined = 'ResTarget' in item ? item.ResTarget : undefined;
    return target?.name ? [{ name: target.name, kind: 'assigned' as const, part: (target.indirection?.length ?? 0) > 0, location: target.location }] : [];
  });
}

function defined(elements: readonly Node[] | undefined): NamedColumn[] {
  return (elements ?? []).flatMap((item) =>
    'ColumnDef' in item && item.ColumnDef.colname ? [{ name: item.ColumnDef.colname, kind: 'defined' as const, location: item.ColumnDef.location }] : [],
  );
}

function output(query: Node | undefined, renamed: readonly Node[] | undefined): NamedColumn[] {
  return outputColumns(query, renamed).flatMap(({ name, location }) => (name === undefined ? [] : [{ name, kind: 'output' as const, location }]));
}

/**
 * The columns named a second time. Fields or elements of one column may each be assigned
 * (`SET address.city = ..., address.zip = ...`), but not beside the whole column.
 */
function repeated(list: readonly NamedColumn[], statement: LintStatement): RuleReport[] {
  const whole = new Set<string>();
  const parts = new Set<string>();
  return list.flatMap((column) => {
    const twice = whole.has(column.name) && !column.part;
    const mixed = column.part ? whole.has(column.name) : parts.has(column.name);
    (column.part ? parts : whole).add(column.name);
    return twice || mixed ? [{ message: message(column, twice), offset: offsetOf(statement, column.location) }] : [];
  });
}

function message(column: NamedColumn, twice: boolean): string {
  const { name, kind } = column;
  if (kind === 'assigned') return twice ? `The statement assigns twice to column ${name}: PostgreSQL refuses it.` : `The statement assigns to column ${name} both whole and by a field or element: PostgreSQL refuses it.`;
  if (kind === 'defined') return `The statement defines two columns named ${name}: PostgreSQL refuses it.`;
  if (name === '?column?') return 'Two output columns have no name of their own, so PostgreSQL names both ?column? and refuses the statement: name them with AS.';
  return `Two output columns are named ${name}: PostgreSQL refuses the statement.`;
}
