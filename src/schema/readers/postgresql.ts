/**
 * Reads a PostgreSQL snapshot from pg_catalog (the queries are in postgresql-catalog.ts). The
 * same reader serves PGlite (PostgreSQL 18) and a PostgreSQL 15 server through `psql`.
 *
 * After a script whose statements name what they change (see postgresql-change-scope.ts), only
 * those tables are read again ({@link readPostgresqlSnapshotAfter}): a rehearsal snapshots after
 * every revision, and reading every table each time grows with the square of the revisions.
 */
import { characterOffset, loadPostgresqlParser, type PostgresqlParser } from '../../lint/parse-postgresql.js';
import type { CatalogSource, VersionTableName } from './catalog-source.js';
import { catalogQuery, rowsQuery, SCOPE_QUERY, scopedCatalogQuery, type Catalog, type CatalogTable, type OwnedDefinition, type RelationName, type RowsResult, type ScopeResult, type ScopedCatalog } from './postgresql-catalog.js';
import { snapshotName, type ChangeScope } from './postgresql-change-scope.js';
import type { NamedDefinition, Snapshot, SnapshotTable, SnapshotView } from '../snapshot.js';

/** md5 of no text: the digest of an empty table, whatever its columns. */
const EMPTY_DIGEST = 'd41d8cd98f00b204e9800998ecf8427e';

/**
 * What a scoped read needs to know of a snapshot's objects and the snapshot leaves out: the
 * table that owns a sequence or index comment, the schema of a table. Kept by object, so
 * snapshots that share an object share its entry.
 */
const owners = new WeakMap<NamedDefinition, string>();
const tableSchemas = new WeakMap<SnapshotTable, string>();

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
  const { versions, tables } = await readRows(source, catalog, versionTable);
  return {
    dialect: 'postgresql',
    schemas: sortStrings(catalog.schemas),
    extensions: byName(catalog.extensions),
    enums: byName(catalog.enums),
    domains: byName(catalog.domains),
    sequences: byName(catalog.sequences.map(ownedBy)),
    tables: byName(tables),
    views: byName(await sameSpellingViews(catalog.views)),
    functions: byName(catalog.functions),
    comments: byName(catalog.comments.map(ownedBy)),
    versions,
  };
}

/**
 * The snapshot after a script of `scope`, given the one before it: the scope's tables (with
 * their sequences and index comments), the views and the version rows are read again, the rest
 * is taken from `previous`. Reads everything when the database has functions of its own (a
 * trigger, a default or a called routine may write anywhere) or the catalog says names may
 * not mean what the scope took them for.
 */
export async function readPostgresqlSnapshotAfter(source: CatalogSource, versionTable: VersionTableName, previous: Snapshot, scope: ChangeScope): Promise<Snapshot> {
  if (previous.functions.length > 0) return readPostgresqlSnapshot(source, versionTable);
  const named = withOwningTables(previous, scope);
  const relations = [...named.values()];
  const { tables: oids, fallback } = (await source.json(SCOPE_QUERY, [textArray(relations.map((relation) => relation.schema)), textArray(relations.map((relation) => relation.name)), String(scope.renames)])) as ScopeResult;
  if (fallback) return readPostgresqlSnapshot(source, versionTable);
  const readViews = scope.createsView || previous.views.length > 0;
  const catalog = (await source.json(scopedCatalogQuery(versionTable), [`'{${oids.join(',')}}'`, String(readViews)])) as ScopedCatalog;
  const { versions, tables } = await readRows(source, catalog, versionTable);
  const replaced = new Set([...named.keys(), ...tables.map((table) => table.name)]);
  const kept = <T extends NamedDefinition>(items: readonly T[]) => items.filter((item) => !replaced.has(owners.get(item) ?? ''));
  return {
    ...previous,
    sequences: byName([...kept(previous.sequences), ...catalog.sequences.map(ownedBy)]),
    tables: byName([...previous.tables.filter((table) => !replaced.has(table.name)), ...tables]),
    views: readViews ? byName(await sameSpellingViews(catalog.views)) : previous.views,
    comments: byName([...kept(previous.comments), ...catalog.comments.map(ownedBy)]),
    versions,
  };
}

/** A text[] literal: `ARRAY['public', 'it''s']::text[]`. */
function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')}]::text[]`;
}

/** The scope's relations, plus the tables of the indexes and sequences it names (dropped ones included). */
function withOwningTables(previous: Snapshot, scope: ChangeScope): Map<string, RelationName> {
  const named = new Map(scope.relations);
  const add = (table: SnapshotTable) => named.set(table.name, relationName(table));
  for (const table of previous.tables) {
    const schema = tableSchemas.get(table) ?? 'public';
    if (table.indexes.some((index) => scope.relations.has(snapshotName({ schema, name: index.name })))) add(table);
  }
  const sequenceOwners = new Set(previous.sequences.filter((sequence) => scope.relations.has(sequence.name)).map((sequence) => owners.get(sequence)));
  for (const table of previous.tables) if (sequenceOwners.has(table.name)) add(table);
  return named;
}

function relationName(table: SnapshotTable): RelationName {
  const schema = tableSchemas.get(table) ?? 'public';
  return { schema, name: schema === 'public' ? table.name : table.name.slice(schema.length + 1) };
}

function ownedBy({ owner, ...definition }: OwnedDefinition): NamedDefinition {
  if (owner !== null) owners.set(definition, owner);
  return definition;
}

/** The version rows, and each table of the catalog with its row count and digest. */
async function readRows(source: CatalogSource, catalog: Pick<Catalog, 'tables' | 'versionTableExists'>, versionTable: VersionTableName): Promise<{ versions: string[] | null; tables: SnapshotTable[] }> {
  const counted = catalog.tables.filter((table) => !table.partitioned);
  const { versions, rows } = (await source.json(rowsQuery(counted, catalog.versionTableExists ? versionTable : undefined))) as RowsResult;
  const rowsByTable = new Map(counted.map((table, index) => [table, rows[index]!]));
  return { versions, tables: catalog.tables.map((table) => snapshotTable(table, rowsByTable.get(table) ?? { count: 0, digest: EMPTY_DIGEST })) };
}

function snapshotTable(table: CatalogTable, rows: { count: number; digest: string }): SnapshotTable {
  const snapshot: SnapshotTable = {
    name: table.name,
    kind: table.kind,
    columns: table.columns.map(({ filled: _filled, zoned: _zoned, ...column }) => column),
    constraints: byName(table.constraints),
    indexes: byName(table.indexes),
    triggers: byName(table.triggers),
    comment: table.comment,
    rows,
  };
  tableSchemas.set(snapshot, table.schema);
  return snapshot;
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
  const loaded = await (parser ??= loadPostgresqlParser());
  return views.map((view) => ({ ...view, definition: unqualifiedColumns(view.definition, loaded) }));
}

/**
 * PostgreSQL 15 prints `orders.id` where 16+ prints `id` in a view that selects from one
 * relation (16 dropped the view's hidden OLD/NEW range entries, and with them the need to
 * qualify). Drops that qualifier where 16+ would not print it: in each SELECT of the top query
 * that reads one relation, outside subqueries, which both versions qualify alike.
 */
function unqualifiedColumns(definition: string, parser: PostgresqlParser): string {
  const parsed = parser.one(definition);
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

