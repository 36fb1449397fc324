/**
 * The names of the columns a query outputs, as PostgreSQL names them when it makes a table or a
 * view of the query: the AS name, else a name made up from the expression (PostgreSQL's
 * FigureColname in parse_target.c): a column's or a function's name, a cast's type, `case`, and
 * `?column?` for a constant or an operator. Only names known from the parse tree alone are given.
 */
import type { Node, ResTarget, SelectStmt } from 'libpg-query';

/** An output column of a query; `name` is absent where the tree does not tell it. */
export interface OutputColumn {
  name?: string;
  /** The byte location of its target in the statement, when it has one. */
  location?: number;
  /** `*` or `table.*`: as many columns as the table has, so the positions after it are unknown. */
  star?: boolean;
}

/** The name PostgreSQL gives a column no expression names. */
const UNNAMED = '?column?';

/**
 * The output columns of `query` (a `SelectStmt`), renamed by a column list such as `CREATE VIEW
 * v (a, b)`: its names replace those of the first columns. Empty for anything but a SELECT.
 *
 * @example
 * outputColumns(viewStmt.query, viewStmt.aliases) // SELECT 1, count(*) → [{ name: '?column?' }, { name: 'count' }]
 */
export function outputColumns(query: Node | undefined, renamed: readonly Node[] = []): OutputColumn[] {
  const select = query && 'SelectStmt' in query ? firstQuery(query.SelectStmt) : undefined;
  const columns = (select?.targetList ?? []).flatMap((item) => ('ResTarget' in item ? [outputColumn(item.ResTarget)] : []));
  const names = renamed.map((item): OutputColumn => ({ name: 'String' in item ? item.String.sval : undefined }));
  // Before a star, the list renames the columns one for one; past it, which name goes where is unknown.
  const star = columns.findIndex((column) => column.star);
  if (star !== -1 && star < names.length) return names;
  return [...names, ...columns.slice(names.length)];
}

/** The first (leftmost) SELECT of a UNION, INTERSECT or EXCEPT: it names the output columns, and holds a SELECT's INTO. */
export function firstQuery(select: SelectStmt): SelectStmt {
  return select.larg ? firstQuery(select.larg) : select;
}

function outputColumn(target: ResTarget): OutputColumn {
  if (target.name) return { name: target.name, location: target.location };
  if (isStar(target.val)) return { star: true, location: target.location };
  const made = madeName(target.val);
  return { name: made === 'unknown' ? undefined : (made?.name ?? UNNAMED), location: target.location };
}

function isStar(node: Node | undefined): boolean {
  const fields = node && 'ColumnRef' in node ? node.ColumnRef.fields : node && 'A_Indirection' in node ? node.A_Indirection.indirection : undefined;
  const last = fields?.at(-1);
  return last !== undefined && 'A_Star' in last;
}

/**
 * A name PostgreSQL makes up for an expression; `weak` when a better name inside may replace it
 * (a cast's type, `case`). Undefined: no name (`?column?`); `unknown`: an expression not modelled here.
 */
type MadeName = { name: string; weak?: boolean } | undefined | 'unknown';

/** Expressions named like the function they stand for. */
const NAMED_LIKE_FUNCTIONS: Readonly<Record<string, string>> = { A_ArrayExpr: 'array', RowExpr: 'row', CoalesceExpr: 'coalesce' };

/** Expressions PostgreSQL gives no name: constants, operators, boolean tests. */
const NAMELESS: ReadonlySet<string> = new Set(['A_Const', 'BoolExpr', 'NullTest', 'BooleanTest']);

function madeName(node: Node | undefined): MadeName {
  if (!node) return undefined;
  const [kind] = Object.keys(node);
  if (kind && kind in NAMED_LIKE_FUNCTIONS) return { name: NAMED_LIKE_FUNCTIONS[kind]! };
  if (kind && NAMELESS.has(kind)) return undefined;
  if ('ColumnRef' in node) return lastField(node.ColumnRef.fields) ?? 'unknown';
  if ('A_Indirection' in node) return lastField(node.A_Indirection.indirection) ?? madeName(node.A_Indirection.arg);
  if ('FuncCall' in node) return lastField(node.FuncCall.funcname);
  if ('A_Expr' in node) return node.A_Expr.kind === 'AEXPR_NULLIF' ? { name: 'nullif' } : undefined;
  if ('CollateClause' in node) return madeName(node.CollateClause.arg);
  if ('TypeCast' in node) return orWeak(madeName(node.TypeCast.arg), lastField(node.TypeCast.typeName?.names)?.name);
  if ('CaseExpr' in node) return orWeak(madeName(node.CaseExpr.defresult), 'case');
  if ('MinMaxExpr' in node) return { name: node.MinMaxExpr.op === 'IS_GREATEST' ? 'greatest' : 'least' };
  if ('SQLValueFunction' in node) return sqlValueFunctionName(node.SQLValueFunction.op);
  if ('SubLink' in node) return subqueryName(node.SubLink.subLinkType, node.SubLink.subselect);
  return 'unknown';
}

/** The last name in a list of names, stars and subscripts (`t.a` → `a`, `pg_catalog.int4` → `int4`, `(x).f[1]` → `f`); undefined when it has none. */
function lastField(fields: readonly Node[] | undefined): { name: string } | undefined {
  const names = (fields ?? []).flatMap((field) => ('String' in field && field.String.sval ? [field.String.sval] : []));
  return names.length > 0 ? { name: names.at(-1)! } : undefined;
}

/** The inner expression's name when it is a good one, else `fallback`, weakly. */
function orWeak(inner: MadeName, fallback: string | undefined): MadeName {
  if (inner === 'unknown' || (inner && !inner.weak)) return inner;
  return fallback ? { name: fallback, weak: true } : undefined;
}

/** `CURRENT_DATE`, `CURRENT_TIMESTAMP(3)`, `SESSION_USER`...: named like the keyword (SVFOP_CURRENT_TIMESTAMP_N → current_timestamp). */
function sqlValueFunctionName(op: string | undefined): MadeName {
  return op ? { name: op.replace(/^SVFOP_/, '').replace(/_N$/, '').toLowerCase() } : 'unknown';
}

/** `EXISTS (...)`, `ARRAY(...)`, or a scalar subquery, which takes its one column's name. */
function subqueryName(type: string | undefined, subquery: Node | undefined): MadeName {
  if (type === 'EXISTS_SUBLINK') return { name: 'exists' };
  if (type === 'ARRAY_SUBLINK') return { name: 'array' };
  if (type !== 'EXPR_SUBLINK') return undefined;
  const [column] = outputColumns(subquery);
  return column?.name === undefined ? 'unknown' : { name: column.name };
}
