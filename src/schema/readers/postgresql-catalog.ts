/**
 * The catalog queries of the PostgreSQL snapshot reader (postgresql.ts): one for the whole
 * schema, one for only some tables and what belongs to them, and one for the version rows and
 * each table's row count and digest. Every text they keep is one PostgreSQL 15 and 18 spell
 * alike (see the notes at each query part).
 */
import type { VersionTableName } from './catalog-source.js';
import type { NamedDefinition, SnapshotColumn, SnapshotEnum, SnapshotTable, SnapshotView } from '../snapshot.js';

/** A column as the catalog query returns it: the snapshot's fields plus what the row digest needs. */
export interface CatalogColumn extends SnapshotColumn {
  /** Filled by a sequence, an identity or a function-call default: left out of the row digest. */
  filled: boolean;
  /** `timestamptz`, whose JSON text follows the session time zone. */
  zoned: boolean;
}

export interface CatalogTable extends Omit<SnapshotTable, 'columns' | 'rows'> {
  /** `oid::regclass` text: the name quoted as the rows query must spell it. */
  ref: string;
  /** Partitioned tables hold no rows of their own; their partitions report them. */
  partitioned: boolean;
  /** The schema it is in: its indexes' names are qualified with it. */
  schema: string;
  columns: CatalogColumn[];
}

/** A relation by schema and name, as a statement names it. */
export interface RelationName {
  schema: string;
  name: string;
}

/** A sequence, or a comment on an index or sequence, with the table that owns the object (if any). */
export interface OwnedDefinition extends NamedDefinition {
  owner: string | null;
}

export interface Catalog {
  schemas: string[];
  extensions: NamedDefinition[];
  enums: SnapshotEnum[];
  domains: NamedDefinition[];
  sequences: OwnedDefinition[];
  tables: CatalogTable[];
  views: SnapshotView[];
  functions: NamedDefinition[];
  comments: OwnedDefinition[];
  versionTableExists: boolean;
}

/** Some tables, with their sequences and index and sequence comments, and all views when asked for. */
export interface ScopedCatalog extends Pick<Catalog, 'sequences' | 'tables' | 'views' | 'comments' | 'versionTableExists'> {
  /** The session or database is one where names in statements may not mean what the scope assumed. */
  fallback: boolean;
}

export interface RowsResult {
  versions: string[] | null;
  rows: { count: number; digest: string }[];
}

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
      'name', r.qualified_name, 'schema', r.nspname, 'ref', r.oid::regclass::text, 'kind', ${TABLE_KIND}, 'partitioned', r.relkind = 'p',
      'columns', ${COLUMNS}, 'constraints', ${CONSTRAINTS}, 'indexes', ${INDEXES}, 'triggers', ${TRIGGERS},
      'comment', ${description('pg_class', 'r.oid')})`,
    `FROM rel r WHERE r.relkind IN ('r', 'p') AND NOT ${isVersionTable(versionTable)}`,
  );
}

/** The version table lives in the named schema, or in the one unqualified names are created in. */
function isVersionTable({ schema, name }: VersionTableName): string {
  return `(r.relname = ${textLiteral(name)} AND r.nspname = ${versionTableSchema(schema)})`;
}

function versionTableSchema(schema: string | undefined): string {
  return schema === undefined ? 'current_schema()' : textLiteral(schema);
}

/** Looked up through pg_class's name index. */
function versionTableExists({ schema, name }: VersionTableName): string {
  return `EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relname = ${textLiteral(name)} AND n.nspname = ${versionTableSchema(schema)} AND c.relkind IN ('r', 'p'))`;
}

function textLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Read through pg_class's index, not the `rel` list: a scan of that list per sequence grows with the square of the tables. */
const SEQUENCE_OWNER_COLUMN = `(SELECT ${qualified('n.nspname', 'o.relname')} || '.' || a.attname FROM pg_depend d
  JOIN pg_class o ON o.oid = d.refobjid JOIN pg_namespace n ON n.oid = o.relnamespace JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  WHERE d.classid = 'pg_class'::regclass AND d.objid = q.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a')`;

/** The table a sequence belongs to (OWNED BY), or an index is on: what a scoped read re-reads with the table. */
function ownerTable(oid: string): string {
  return `(SELECT ${qualified('n.nspname', 'o.relname')} FROM pg_class o JOIN pg_namespace n ON n.oid = o.relnamespace
    WHERE o.oid = coalesce((SELECT i.indrelid FROM pg_index i WHERE i.indexrelid = ${oid}),
      (SELECT d.refobjid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = ${oid} AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a')))`;
}

/** By definition only: the current value moves with every insert and never rolls back. */
const SEQUENCES = jsonList(
  `json_build_object('name', q.qualified_name, 'definition',
    'AS ' || format_type(s.seqtypid, NULL) || ' START WITH ' || s.seqstart || ' INCREMENT BY ' || s.seqincrement
    || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache
    || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END || coalesce(' OWNED BY ' || ${SEQUENCE_OWNER_COLUMN}, ''),
    'owner', ${ownerTable('q.oid')})`,
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

/** Comments on a table's sequences and indexes, each with its table as `owner`. */
const RELATION_COMMENTS = [
  `SELECT 'sequence ' || q.qualified_name AS name, ${description('pg_class', 'q.oid')} AS text, ${ownerTable('q.oid')} AS owner FROM (${STANDALONE_SEQUENCES}) q`,
  `SELECT 'index ' || r.qualified_name, ${description('pg_class', 'r.oid')}, ${ownerTable('r.oid')} FROM rel r WHERE r.relkind IN ('i', 'I')`,
];

/**
 * Comments on the objects that have no field of their own. `public` is left out: every
 * database has it, with a comment of its own ("standard public schema").
 */
const OTHER_COMMENTS = [
  `SELECT 'schema ' || n.nspname, ${description('pg_namespace', 'n.oid')}, NULL FROM nsp n WHERE n.nspname <> 'public'`,
  `SELECT 'type ' || t.qualified_name, ${description('pg_type', 't.oid')}, NULL FROM typ t`,
  `SELECT CASE f.prokind WHEN 'p' THEN 'procedure ' ELSE 'function ' END || f.signature, ${description('pg_proc', 'f.oid')}, NULL FROM fun f`,
];

function comments(branches: readonly string[]): string {
  return jsonList(`json_build_object('name', c.name, 'definition', c.text, 'owner', c.owner)`, `FROM (${branches.join('\n UNION ALL ')}) c WHERE c.text IS NOT NULL`);
}

/** The one query for everything but rows: a JSON object in the shape of {@link Catalog}. */
export function catalogQuery(versionTable: VersionTableName): string {
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
  'comments', ${comments([...RELATION_COMMENTS, ...OTHER_COMMENTS])},
  'versionTableExists', ${versionTableExists(versionTable)}
)::text`;
}

const PG_CLASS = `'pg_class'::regclass`;

/** What {@link scopeQuery} returns. */
export interface ScopeResult {
  /** The oids of the tables (and materialized views) to read again. */
  tables: number[];
  /** The session or database is one where names in statements may not mean what the scope took them for. */
  fallback: boolean;
}

/** Tables with a foreign key (meeting `condition`) to a table of `tables`, found through the referenced table's RI triggers (pg_trigger is indexed by table, pg_constraint's confrelid is not). */
function referencingTables(tables: string, condition: string): string {
  return `SELECT k.conrelid FROM ${tables} s JOIN pg_trigger t ON t.tgrelid = s.oid
      JOIN pg_constraint k ON k.oid = t.tgconstraint AND k.contype = 'f' AND k.confrelid = s.oid AND ${condition}`;
}

/**
 * The tables a scoped read re-reads, with $1 and $2 the schemas and names of the relations the
 * statements name, and $3 whether they rename: each named table (or materialized view); the
 * table of each named index or sequence; the tables of each named view (a write to an
 * updatable view lands there); after a rename, every table with a foreign key to one of those
 * (its constraint prints their names); then, repeatedly, every table whose foreign key cascades
 * from one of them (ON DELETE or ON UPDATE actions change its rows). One text for every scope,
 * so the engine plans it once; every lookup goes through a catalog index.
 *
 * It also says when to read everything instead: when unqualified names in statements may mean
 * other relations than those in `public` (a search path other than `public`; a temporary
 * table shadowing one is harmless, as the snapshot leaves temporary tables out), or a write may
 * land elsewhere (rules, inheritance, partitions).
 */
export const SCOPE_QUERY = `WITH RECURSIVE named AS (
    SELECT c.oid, c.relkind FROM unnest($1::text[], $2::text[]) u(schema, name)
    JOIN pg_namespace n ON n.nspname = u.schema JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = u.name
  ),
  stands_for AS (
    SELECT oid FROM named WHERE relkind IN ('r', 'p', 'm')
    UNION SELECT i.indrelid FROM pg_index i WHERE i.indexrelid = ANY(ARRAY(SELECT oid FROM named WHERE relkind IN ('i', 'I')))
    UNION SELECT d.refobjid FROM pg_depend d WHERE d.classid = ${PG_CLASS} AND d.objid = ANY(ARRAY(SELECT oid FROM named WHERE relkind = 'S'))
      AND d.refclassid = ${PG_CLASS} AND d.deptype IN ('a', 'i')
    UNION SELECT d.refobjid FROM pg_rewrite w JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid AND d.refclassid = ${PG_CLASS} AND d.refobjid <> w.ev_class
      WHERE w.ev_class = ANY(ARRAY(SELECT oid FROM named WHERE relkind IN ('v', 'm')))
  ),
  direct AS (
    SELECT oid FROM stands_for
    UNION ${referencingTables('stands_for', '$3::boolean')}
  ),
  scope(oid) AS (
    SELECT oid FROM direct
    UNION ${referencingTables('scope', `(k.confdeltype IN ('c', 'n', 'd') OR k.confupdtype IN ('c', 'n', 'd'))`)}
  )
SELECT json_build_object(
  'tables', (SELECT coalesce(json_agg(s.oid), '[]') FROM scope s),
  'fallback', current_schemas(false) <> ARRAY['public']::name[]
    OR EXISTS (SELECT 1 FROM scope s JOIN pg_class c ON c.oid = s.oid
      WHERE c.relkind = 'p' OR c.relispartition OR EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = s.oid OR h.inhparent = s.oid)
        OR (c.relkind IN ('r', 'p') AND EXISTS (SELECT 1 FROM pg_rewrite w WHERE w.ev_class = s.oid)))
)::text`;

/**
 * Only some tables ($1, oids), with their indexes and sequences, and every view when $2: a
 * JSON object in the shape of {@link ScopedCatalog}. One text for every scope, like {@link SCOPE_QUERY}.
 */
export function scopedCatalogQuery(versionTable: VersionTableName): string {
  const members = `$1::oid[]
    || ARRAY(SELECT i.indexrelid FROM pg_index i WHERE i.indrelid = ANY($1::oid[]))
    || ARRAY(SELECT d.objid FROM pg_depend d WHERE d.refclassid = ${PG_CLASS} AND d.refobjid = ANY($1::oid[]) AND d.classid = ${PG_CLASS} AND d.deptype = 'a')
    || ARRAY(SELECT v.oid FROM pg_class v WHERE $2::boolean AND v.relkind IN ('v', 'm'))`;
  return `WITH nsp AS (${USER_SCHEMAS}),
  rel AS (SELECT c.*, n.nspname, ${qualified('n.nspname', 'c.relname')} AS qualified_name
    FROM pg_class c JOIN nsp n ON n.oid = c.relnamespace
    WHERE c.oid = ANY(${members}) AND ${notExtensionMember('pg_class', 'c.oid')})
SELECT json_build_object(
  'sequences', ${SEQUENCES},
  'tables', ${tablesPart(versionTable)},
  'views', ${VIEWS},
  'comments', ${comments(RELATION_COMMENTS)},
  'versionTableExists', ${versionTableExists(versionTable)}
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

export function rowsQuery(tables: readonly CatalogTable[], versionTable: VersionTableName | undefined): string {
  const values = tables.map((table, index) => `(${index}, ${tableRows(table)})`);
  const rows = values.length === 0 ? `'[]'::json` : `(SELECT json_agg(v.rows ORDER BY v.i) FROM (VALUES ${values.join(',\n')}) v(i, rows))`;
  return `SELECT json_build_object('versions', ${versionsPart(versionTable)}, 'rows', ${rows})::text`;
}
