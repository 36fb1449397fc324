/**
 * Reads a PostgreSQL snapshot from pg_catalog in two queries: one for the whole schema, one
 * built from its table list for the version rows and each table's row count and digest. The
 * same reader serves PGlite (PostgreSQL 18) and a PostgreSQL 15 server through `psql`, so every
 * text it keeps is one both versions spell alike (see the notes at each query part).
 */
import { characterOffset, loadPostgresqlParser, type PostgresqlParser } from '../../lint/parse-postgresql.js';
import type { CatalogSource, VersionTableName } from './catalog-source.js';
import type { NamedDefinition, Snapshot, SnapshotColumn, SnapshotEnum, SnapshotTable, SnapshotView } from '../snapshot.js';

/** A column as the catalog query returns it: the snapshot's fields plus what the row digest needs. */
interface CatalogColumn extends SnapshotColumn {
  /** Filled by a sequence, an identity or a function-call default: left out of the row digest. */
  filled: boolean;
  /** `timestamptz`, whose JSON text follows the session time zone. */
  zoned: boolean;
}

interface CatalogTable extends Omit<SnapshotTable, 'columns' | 'rows'> {
  /** `oid::regclass` text: the name quoted as the rows query must spell it. */
  ref: string;
  /** Partitioned tables hold no rows of their own; their partitions report them. */
  partitioned: boolean;
  columns: CatalogColumn[];
}

interface Catalog {
  schemas: string[];
  extensions: NamedDefinition[];
  enums: SnapshotEnum[];
  domains: NamedDefinition[];
  sequences: NamedDefinition[];
  tables: CatalogTable[];
  views: SnapshotView[];
  functions: NamedDefinition[];
  comments: NamedDefinition[];
  versionTableExists: boolean;
}

interface RowsResult {
  versions: string[] | null;
  rows: { count: number; digest: string }[];
}

/** md5 of no text: the digest of an empty table, whatever its columns. */
const EMPTY_DIGEST = 'd41d8cd98f00b204e9800998ecf8427e';

/**
 * The snapshot of a PostgreSQL database's user schemas, with the version table reported as
 * `versions` instead of a table.
 *
 * @example
 * const snapshot = await readPostgresqlSnapshot(source, { name: 'sqlgen_version' });
 * snapshot.tables.map((table) => table.name); // ['customers', 'audit.events']
 */
export async function readPostgresqlSnapshot(source: CatalogSource, versionTable: VersionTableName): Promise<Snapshot> {
  const catalog = (await source.json(catalogQuery(versionTable))) as Catalog;
  const counted = catalog.tables.filter((table) => !table.partitioned);
  const { versions, rows } = (await source.json(rowsQuery(counted, catalog.versionTableExists ? versionTable : undefined))) as RowsResult;
  const rowsByTable = new Map(counted.map((table, index) => [table, rows[index]!]));
  return {
    dialect: 'postgresql',
    schemas: sortStrings(catalog.schemas),
    extensions: byName(catalog.extensions),
    enums: byName(catalog.enums),
    domains: byName(catalog.domains),
    sequences: byName(catalog.sequences),
    tables: byName(catalog.tables.map((table) => snapshotTable(table, rowsByTable.get(table) ?? { count: 0, digest: EMPTY_DIGEST }))),
    views: byName(await sameSpellingViews(catalog.views)),
    functions: byName(catalog.functions),
    comments: byName(catalog.comments),
    versions,
  };
}

function snapshotTable(table: CatalogTable, rows: { count: number; digest: string }): SnapshotTable {
  return {
    name: table.name,
    kind: table.kind,
    columns: table.columns.map(({ filled: _filled, zoned: _zoned, ...column }) => column),
    constraints: byName(table.constraints),
    indexes: byName(table.indexes),
    triggers: byName(table.triggers),
    comment: table.comment,
    rows,
  };
}

/** UTF-16 code-unit order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortStrings(values: readonly string[]): string[] {
  return [...values].sort(compareText);
}

function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareText(a.name, b.name));
}

// ----------------------------------------------------------------------------- view definitions

let parser: Promise<PostgresqlParser> | undefined;

/** Views as PostgreSQL 16+ prints them, whichever version the catalog belongs to. */
async function sameSpellingViews(views: readonly SnapshotView[]): Promise<SnapshotView[]> {
  if (views.length === 0) return [];
  const parse = await (parser ??= loadPostgresqlParser());
  return views.map((view) => ({ ...view, definition: unqualifiedColumns(view.definition, parse) }));
}

/**
 * PostgreSQL 15 prints `orders.id` where 16+ prints `id` in a view that selects from one
 * relation (16 dropped the view's hidden OLD/NEW range entries, and with them the need to
 * qualify). Drops that qualifier where 16+ would not print it: in each SELECT of the top query
 * that reads one relation, outside subqueries, which both versions qualify alike.
 */
function unqualifiedColumns(definition: string, parse: PostgresqlParser): string {
  const parsed = parse(definition);
  if (!('ast' in parsed)) return definition;
  const cuts = topLevelSelects(parsed.ast).flatMap((select) => qualifiersToDrop(select, definition));
  return cuts
    .sort((a, b) => b.at - a.at)
    .reduce((text, cut) => text.slice(0, cut.at) + text.slice(cut.at + cut.length), definition);
}

type AstObject = Record<string, unknown>;

function isObject(value: unknown): value is AstObject {
  return typeof value === 'object' && value !== null;
}

/** The SELECTs whose columns 16+ may print bare: a plain query, or each branch of a UNION. */
function topLevelSelects(node: unknown): AstObject[] {
  const select = isObject(node) && isObject(node.SelectStmt) ? node.SelectStmt : undefined;
  if (!select) return [];
  if (select.op && select.op !== 'SETOP_NONE') return [...topLevelSelects(select.larg && { SelectStmt: select.larg }), ...topLevelSelects(select.rarg && { SelectStmt: select.rarg })];
  return [select];
}

/** The name a lone FROM item is referred to by, or undefined when FROM is not one relation. */
function soleRelationName(select: AstObject): string | undefined {
  const from = Array.isArray(select.fromClause) && select.fromClause.length === 1 ? (select.fromClause[0] as unknown) : undefined;
  if (!isObject(from)) return undefined;
  const item = (from.RangeVar ?? from.RangeSubselect ?? from.RangeFunction) as AstObject | undefined;
  const alias = isObject(item?.alias) ? (item.alias.aliasname as string) : undefined;
  return alias ?? (isObject(from.RangeVar) ? (from.RangeVar.relname as string) : undefined);
}

function qualifiersToDrop(select: AstObject, definition: string): { at: number; length: number }[] {
  const relation = soleRelationName(select);
  if (relation === undefined) return [];
  // ruleutils quotes key words too; the text at the reference tells which spelling it chose.
  const spellings = [`${relation}.`, `"${relation.replaceAll('"', '""')}".`];
  return columnRefs({ ...select, fromClause: undefined })
    .filter((ref) => ref.fields.length === 2 && ref.fields[0]?.String?.sval === relation)
    .map((ref) => characterOffset(definition, ref.location))
    .flatMap((at) => spellings.filter((prefix) => definition.startsWith(prefix, at)).map((prefix) => ({ at, length: prefix.length })));
}

interface ColumnRefNode {
  fields: { String?: { sval?: string } }[];
  location: number;
}

/** Column references in a tree, not descending into subqueries (SubLink). */
function columnRefs(node: unknown): ColumnRefNode[] {
  if (Array.isArray(node)) return node.flatMap(columnRefs);
  if (!isObject(node) || 'SubLink' in node) return [];
  if (isObject(node.ColumnRef)) return [node.ColumnRef as unknown as ColumnRefNode];
  return Object.values(node).flatMap(columnRefs);
}

// ------------------------------------------------------------------------------ the catalog query

/** Plain names: unqualified in `public`, `schema.name` elsewhere. */
function qualified(schema: string, name: string): string {
  return `CASE WHEN ${schema} = 'public' THEN ${name}::text ELSE ${schema} || '.' || ${name} END`;
}

/** Objects an extension created belong to it, not to the schema under test. */
function notExtensionMember(catalog: string, oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;
}

/**
 * An object's comment, read from pg_description directly: obj_description() and
 * col_description() are SQL functions, run as a query of their own on every call.
 */
function description(catalog: string, oid: string, subid = '0'): string {
  return `(SELECT ds.description FROM pg_description ds WHERE ds.objoid = ${oid} AND ds.classoid = '${catalog}'::regclass AND ds.objsubid = ${subid})`;
}

/** `json_agg` that yields `[]`, not NULL, over no rows. */
function jsonList(element: string, rest: string): string {
  return `(SELECT coalesce(json_agg(${element}), '[]') ${rest})`;
}

const USER_SCHEMAS = `
  SELECT oid, nspname FROM pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname !~ '^pg_(toast_)?temp_'
    AND ${notExtensionMember('pg_namespace', 'oid')}`;

const USER_RELATIONS = `
  SELECT c.*, n.nspname, ${qualified('n.nspname', 'c.relname')} AS qualified_name
  FROM pg_class c JOIN nsp n ON n.oid = c.relnamespace
  WHERE ${notExtensionMember('pg_class', 'c.oid')}`;

const USER_TYPES = `
  SELECT t.*, ${qualified('n.nspname', 't.typname')} AS qualified_name
  FROM pg_type t JOIN nsp n ON n.oid = t.typnamespace
  WHERE t.typtype IN ('e', 'd') AND ${notExtensionMember('pg_type', 't.oid')}`;

const USER_ROUTINES = `
  SELECT p.oid, p.prokind, ${qualified('n.nspname', 'p.proname')} || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS signature
  FROM pg_proc p JOIN nsp n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p') AND ${notExtensionMember('pg_proc', 'p.oid')}`;

/** Sequences an identity column owns are part of that column. */
const STANDALONE_SEQUENCES = `
  SELECT r.oid, r.qualified_name FROM rel r
  WHERE r.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid AND d.deptype = 'i')`;

/**
 * A default "fills" a column when it calls a function (nextval, now(), gen_random_uuid()...):
 * read from the stored expression tree, whose node texts PostgreSQL 15 and 18 share. A call is
 * a FuncExpr written as a call (funcformat 0) or in SQL syntax (3, CURRENT_USER on 16+), or a
 * SQLVALUEFUNCTION (CURRENT_TIMESTAMP); casts (1, 2) are not, so `'new'::varchar(10)` stays in.
 */
const FILLED_BY_DEFAULT = `(a.attgenerated = '' AND d.adbin::text ~ '[{](FUNCEXPR :funcid [0-9]+ :funcresulttype [0-9]+ :funcretset [a-z]+ :funcvariadic [a-z]+ :funcformat [03]|SQLVALUEFUNCTION) ')`;

const COLUMNS = jsonList(
  `json_build_object(
    'name', a.attname,
    'type', format_type(a.atttypid, a.atttypmod),
    'nullable', NOT a.attnotnull,
    'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
    'collation', CASE WHEN a.attcollation <> (SELECT t.typcollation FROM pg_type t WHERE t.oid = a.atttypid) THEN (SELECT co.collname FROM pg_collation co WHERE co.oid = a.attcollation) END,
    'identity', CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,
    'generated', CASE a.attgenerated WHEN 's' THEN pg_get_expr(d.adbin, d.adrelid) || ' stored' WHEN 'v' THEN pg_get_expr(d.adbin, d.adrelid) || ' virtual' END,
    'comment', ${description('pg_class', 'a.attrelid', 'a.attnum')},
    'filled', a.attidentity <> '' OR ${FILLED_BY_DEFAULT},
    'zoned', a.atttypid = 'timestamptz'::regtype
  ) ORDER BY a.attnum`,
  // Types and collations are looked up per column, not joined: the planner would scan all of
  // pg_type once per table.
  `FROM pg_attribute a
   LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped`,
);

/**
 * NOT NULL is a column property: PostgreSQL 18 also lists it as a constraint (contype 'n'),
 * 15 does not. Constraints a partition inherits belong to its parent.
 */
const CONSTRAINTS = jsonList(
  `json_build_object('name', k.conname, 'definition', pg_get_constraintdef(k.oid))`,
  `FROM pg_constraint k WHERE k.conrelid = r.oid AND k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conislocal`,
);

/** Indexes attached to a partitioned parent's index come with the parent's. */
const INDEXES = jsonList(
  `json_build_object(
    'name', ic.relname,
    'definition', pg_get_indexdef(i.indexrelid),
    'constraint', (SELECT k.conname FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = r.oid AND k.contype IN ('p', 'u', 'x'))
  )`,
  `FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
   WHERE i.indrelid = r.oid AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)`,
);

const TRIGGERS = jsonList(
  `json_build_object('name', g.tgname, 'definition', pg_get_triggerdef(g.oid))`,
  `FROM pg_trigger g WHERE g.tgrelid = r.oid AND NOT g.tgisinternal AND g.tgparentid = 0`,
);

/** The partition key and bounds ride in `kind`, so the DDL writer can rebuild the hierarchy. */
const TABLE_KIND = `CASE
  WHEN r.relispartition THEN 'partition of ' || (SELECT p.qualified_name FROM pg_inherits h JOIN rel p ON p.oid = h.inhparent WHERE h.inhrelid = r.oid) || ': ' || pg_get_expr(r.relpartbound, r.oid)
  WHEN r.relkind = 'p' THEN 'partitioned table: ' || pg_get_partkeydef(r.oid)
  WHEN r.relpersistence = 'u' THEN 'unlogged table'
  ELSE 'table' END`;

function tablesPart(versionTable: VersionTableName): string {
  return jsonList(
    `json_build_object(
      'name', r.qualified_name, 'ref', r.oid::regclass::text, 'kind', ${TABLE_KIND}, 'partitioned', r.relkind = 'p',
      'columns', ${COLUMNS}, 'constraints', ${CONSTRAINTS}, 'indexes', ${INDEXES}, 'triggers', ${TRIGGERS},
      'comment', ${description('pg_class', 'r.oid')})`,
    `FROM rel r WHERE r.relkind IN ('r', 'p') AND NOT ${isVersionTable(versionTable)}`,
  );
}

/** The version table lives in the named schema, or in the one unqualified names are created in. */
function isVersionTable({ schema, name }: VersionTableName): string {
  const schemaText = schema === undefined ? 'current_schema()' : textLiteral(schema);
  return `(r.relname = ${textLiteral(name)} AND r.nspname = ${schemaText})`;
}

function textLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Read through pg_class's index, not the `rel` list: a scan of that list per sequence grows with the square of the tables. */
const SEQUENCE_OWNER = `(SELECT ${qualified('n.nspname', 'o.relname')} || '.' || a.attname FROM pg_depend d
  JOIN pg_class o ON o.oid = d.refobjid JOIN pg_namespace n ON n.oid = o.relnamespace JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  WHERE d.classid = 'pg_class'::regclass AND d.objid = q.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a')`;

/** By definition only: the current value moves with every insert and never rolls back. */
const SEQUENCES = jsonList(
  `json_build_object('name', q.qualified_name, 'definition',
    'AS ' || format_type(s.seqtypid, NULL) || ' START WITH ' || s.seqstart || ' INCREMENT BY ' || s.seqincrement
    || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache
    || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END || coalesce(' OWNED BY ' || ${SEQUENCE_OWNER}, ''))`,
  `FROM (${STANDALONE_SEQUENCES}) q JOIN pg_sequence s ON s.seqrelid = q.oid`,
);

const ENUMS = jsonList(
  `json_build_object('name', t.qualified_name, 'values', (SELECT json_agg(v.enumlabel ORDER BY v.enumsortorder) FROM pg_enum v WHERE v.enumtypid = t.oid))`,
  `FROM typ t WHERE t.typtype = 'e'`,
);

/** PostgreSQL 17+ lists a domain's NOT NULL as a constraint too; `typnotnull` says it in both. */
const DOMAIN_CHECKS = `(SELECT string_agg(' CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid), '' ORDER BY k.conname COLLATE "C")
  FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c')`;

const DOMAINS = jsonList(
  `json_build_object('name', t.qualified_name, 'definition',
    'AS ' || format_type(t.typbasetype, t.typtypmod)
    || CASE WHEN t.typcollation <> b.typcollation THEN ' COLLATE ' || quote_ident(co.collname) ELSE '' END
    || coalesce(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
    || coalesce(${DOMAIN_CHECKS}, ''))`,
  `FROM typ t JOIN pg_type b ON b.oid = t.typbasetype LEFT JOIN pg_collation co ON co.oid = t.typcollation WHERE t.typtype = 'd'`,
);

const VIEWS = jsonList(
  `json_build_object('name', r.qualified_name, 'materialized', r.relkind = 'm', 'definition', pg_get_viewdef(r.oid, true), 'comment', ${description('pg_class', 'r.oid')})`,
  `FROM rel r WHERE r.relkind IN ('v', 'm')`,
);

const FUNCTIONS = jsonList(`json_build_object('name', f.signature, 'definition', pg_get_functiondef(f.oid))`, `FROM fun f`);

const EXTENSIONS = jsonList(
  `json_build_object('name', x.extname, 'definition', x.extversion)`,
  // plpgsql comes with every database.
  `FROM pg_extension x WHERE x.extname <> 'plpgsql'`,
);

/**
 * Comments on the objects that have no field of their own. `public` is left out: every
 * database has it, with a comment of its own ("standard public schema").
 */
const COMMENTS = jsonList(
  `json_build_object('name', c.name, 'definition', c.text)`,
  `FROM (
     SELECT 'schema ' || n.nspname AS name, ${description('pg_namespace', 'n.oid')} AS text FROM nsp n WHERE n.nspname <> 'public'
     UNION ALL SELECT 'type ' || t.qualified_name, ${description('pg_type', 't.oid')} FROM typ t
     UNION ALL SELECT 'sequence ' || q.qualified_name, ${description('pg_class', 'q.oid')} FROM (${STANDALONE_SEQUENCES}) q
     UNION ALL SELECT 'index ' || r.qualified_name, ${description('pg_class', 'r.oid')} FROM rel r WHERE r.relkind IN ('i', 'I')
     UNION ALL SELECT CASE f.prokind WHEN 'p' THEN 'procedure ' ELSE 'function ' END || f.signature, ${description('pg_proc', 'f.oid')} FROM fun f
   ) c WHERE c.text IS NOT NULL`,
);

/** The one query for everything but rows: a JSON object in the shape of {@link Catalog}. */
function catalogQuery(versionTable: VersionTableName): string {
  return `WITH nsp AS (${USER_SCHEMAS}), rel AS (${USER_RELATIONS}), typ AS (${USER_TYPES}), fun AS (${USER_ROUTINES})
SELECT json_build_object(
  'schemas', ${jsonList('n.nspname', `FROM nsp n WHERE n.nspname <> 'public'`)},
  'extensions', ${EXTENSIONS},
  'enums', ${ENUMS},
  'domains', ${DOMAINS},
  'sequences', ${SEQUENCES},
  'tables', ${tablesPart(versionTable)},
  'views', ${VIEWS},
  'functions', ${FUNCTIONS},
  'comments', ${COMMENTS},
  'versionTableExists', EXISTS (SELECT 1 FROM rel r WHERE r.relkind IN ('r', 'p') AND ${isVersionTable(versionTable)})
)::text`;
}

// --------------------------------------------------------------------------------- the rows query

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Version rows in byte order (COLLATE "C"), whatever the server's locale. */
function versionsPart(versionTable: VersionTableName | undefined): string {
  if (!versionTable) return 'NULL::json';
  const ref = [versionTable.schema, versionTable.name].filter((part) => part !== undefined).map(quoteIdentifier).join('.');
  return `(SELECT coalesce(json_agg(v.version_num ORDER BY v.version_num COLLATE "C"), '[]') FROM ${ref} v)`;
}

/**
 * One row as jsonb text: keys sorted by jsonb (so column order does not matter), the filled
 * columns taken out, and timestamptz values written in UTC so the session time zone does not show.
 */
function rowText(table: CatalogTable): string {
  const filled = table.columns.filter((column) => column.filled).map((column) => textLiteral(column.name));
  const zoned = table.columns.filter((column) => column.zoned && !column.filled);
  const utc = zoned.map((column) => ` || jsonb_build_object(${textLiteral(column.name)}, sqlgen_row.${quoteIdentifier(column.name)} AT TIME ZONE 'UTC')`);
  return `(to_jsonb(sqlgen_row) - ARRAY[${filled.join(', ')}]::text[]${utc.join('')})::text`;
}

/** Count and digest of one table, its rows sorted by their text in byte order. */
function tableRows(table: CatalogTable): string {
  return `(SELECT json_build_object('count', count(*), 'digest', md5(coalesce(string_agg(s.line, E'\\n' ORDER BY s.line COLLATE "C"), '')))
    FROM (SELECT ${rowText(table)} AS line FROM ${table.ref} sqlgen_row) s)`;
}

function rowsQuery(tables: readonly CatalogTable[], versionTable: VersionTableName | undefined): string {
  const values = tables.map((table, index) => `(${index}, ${tableRows(table)})`);
  const rows = values.length === 0 ? `'[]'::json` : `(SELECT json_agg(v.rows ORDER BY v.i) FROM (VALUES ${values.join(',\n')}) v(i, rows))`;
  return `SELECT json_build_object('versions', ${versionsPart(versionTable)}, 'rows', ${rows})::text`;
}
