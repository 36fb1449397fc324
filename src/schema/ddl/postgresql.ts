/**
 * A PostgreSQL snapshot written back as DDL: the whole schema, in an order that applies to an
 * empty database (PostgreSQL 15 or later) without any dependency information beyond the snapshot.
 */
import type { NamedDefinition, Snapshot, SnapshotColumn, SnapshotConstraint, SnapshotTable, SnapshotView } from '../snapshot.js';
import { escapeRegExp } from '../../regexp.js';

/**
 * The schema of `snapshot` as a script a DBA could run on an empty database: schemas,
 * extensions, types, sequences, functions, tables, then what refers to tables (foreign keys,
 * indexes, views, triggers), comments and sequence ownership. Same snapshot, same bytes.
 *
 * @example
 * const ddl = postgresqlSchemaDdl(await readPostgresqlSnapshot(source, { name: 'sqlgen_version' }));
 * // "-- Written by sqlgen from the catalog of a rehearsed database ...\nCREATE SCHEMA audit;\n..."
 */
export function postgresqlSchemaDdl(snapshot: Snapshot): string {
  const sections: string[][] = [
    header(snapshot),
    snapshot.schemas.map((schema) => `CREATE SCHEMA ${quoteIdent(schema)};`),
    snapshot.extensions.map(({ name, definition }) => `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)} VERSION ${quoteLiteral(definition)};`),
    snapshot.enums.map(({ name, values }) => `CREATE TYPE ${quoteQualified(name)} AS ENUM (${values.map(quoteLiteral).join(', ')});`),
    snapshot.domains.map(({ name, definition }) => `CREATE DOMAIN ${quoteQualified(name)} ${definition};`),
    snapshot.sequences.map(({ name, definition }) => `CREATE SEQUENCE ${quoteQualified(name)} ${sequenceOptions(definition)};`),
    functionsSection(snapshot.functions),
    tablesInCreationOrder(snapshot.tables).map(createTable),
    snapshot.tables.flatMap(laterConstraints),
    snapshot.tables.flatMap(standaloneIndexes),
    viewsInCreationOrder(snapshot.views).map(createView),
    snapshot.tables.flatMap((table) => table.triggers.map((trigger) => `${trigger.definition};`)),
    commentsSection(snapshot),
    snapshot.sequences.flatMap(sequenceOwnership),
  ];
  return `${sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function header(snapshot: Snapshot): string[] {
  const versions = snapshot.versions === null ? 'none (no version table)' : `[${snapshot.versions.join(', ')}]`;
  return [
    '-- Written by sqlgen from the catalog of a rehearsed database (PostgreSQL).',
    '-- The version table is left out; its rows were:',
    `-- version rows: ${versions}`,
  ];
}

// ------------------------------------------------------------------------------------- quoting

/**
 * The key words PostgreSQL's own quote_ident quotes: reserved ones, those only usable as
 * function or type names, and those not usable as function or type names (`time`, `values`).
 */
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column ' +
    'concurrently constraint create cross current_catalog current_date current_role current_schema current_time ' +
    'current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze ' +
    'from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit ' +
    'localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references ' +
    'returning right select session_user similar some symmetric system_user table tablesample then to trailing true union ' +
    'unique user using variadic verbose when where window with ' +
    'between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping inout int integer ' +
    'interval json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize ' +
    'json_table json_value least merge_action national nchar none normalize nullif numeric out overlay position precision ' +
    'real row setof smallint substring time timestamp treat trim values varchar xmlattributes xmlconcat xmlelement ' +
    'xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable'
  ).split(' '),
);

/** A name as written in SQL: as is when PostgreSQL would read it back unchanged, else double-quoted. */
export function quoteIdent(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** `audit.events` → `audit.events`, `Audit.Events` → `"Audit"."Events"`: the snapshot qualifies only outside `public`. */
export function quoteQualified(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? quoteIdent(name) : `${quoteIdent(name.slice(0, dot))}.${quoteIdent(name.slice(dot + 1))}`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

// ----------------------------------------------------------------------------------- sequences

const OWNED_BY = ' OWNED BY ';

/** A sequence's options without its owner: the owning table does not exist yet. */
export function sequenceOptions(definition: string): string {
  const owner = definition.indexOf(OWNED_BY);
  return owner < 0 ? definition : definition.slice(0, owner);
}

/** `OWNED BY table.column`, once the table exists. */
function sequenceOwnership({ name, definition }: NamedDefinition): string[] {
  const owner = definition.indexOf(OWNED_BY);
  if (owner < 0) return [];
  const column = definition.slice(owner + OWNED_BY.length);
  const dot = column.lastIndexOf('.');
  return [`ALTER SEQUENCE ${quoteQualified(name)} OWNED BY ${quoteQualified(column.slice(0, dot))}.${quoteIdent(column.slice(dot + 1))};`];
}

// ----------------------------------------------------------------------------------- functions

/**
 * Functions come before tables, since defaults, checks and generated columns may call them;
 * bodies that name tables are then checked at run time only, as pg_dump does.
 */
function functionsSection(functions: readonly NamedDefinition[]): string[] {
  if (functions.length === 0) return [];
  return ['SET check_function_bodies = false;', ...functions.map(({ definition }) => `${definition.trimEnd()};`)];
}

// -------------------------------------------------------------------------------------- tables

const PARTITIONED = 'partitioned table: ';
const PARTITION_OF = 'partition of ';

/** Partitions after the tables they belong to. */
function tablesInCreationOrder(tables: readonly SnapshotTable[]): SnapshotTable[] {
  return [...tables.filter((table) => !isPartition(table)), ...tables.filter(isPartition)];
}

export function isPartition(table: SnapshotTable): boolean {
  return table.kind.startsWith(PARTITION_OF);
}

export function createTable(table: SnapshotTable): string {
  const name = quoteQualified(table.name);
  if (isPartition(table)) {
    const [parent, bound] = splitOnce(table.kind.slice(PARTITION_OF.length), ': ');
    return `CREATE TABLE ${name} PARTITION OF ${quoteQualified(parent)} ${bound};`;
  }
  const body = [...table.columns.map(columnDdl), ...table.constraints.filter(isInline).map(constraintDdl)].map((line) => `  ${line}`);
  const columns = `(\n${body.join(',\n')}\n)`;
  if (table.kind === 'table') return `CREATE TABLE ${name} ${columns};`;
  if (table.kind === 'unlogged table') return `CREATE UNLOGGED TABLE ${name} ${columns};`;
  if (table.kind.startsWith(PARTITIONED)) return `CREATE TABLE ${name} ${columns} PARTITION BY ${table.kind.slice(PARTITIONED.length)};`;
  throw new Error(`Cannot write DDL for table ${table.name} of kind '${table.kind}'`);
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return [text.slice(0, at), text.slice(at + separator.length)];
}

export function columnDdl(column: SnapshotColumn): string {
  const parts = [quoteIdent(column.name), column.type];
  if (column.collation !== null) parts.push(`COLLATE ${quoteIdent(column.collation)}`);
  if (column.identity !== null) parts.push(`GENERATED ${column.identity.toUpperCase()} AS IDENTITY`);
  if (column.generated !== null) parts.push(generatedDdl(column.generated));
  if (column.default !== null) parts.push(`DEFAULT ${column.default}`);
  if (!column.nullable) parts.push('NOT NULL');
  return parts.join(' ');
}

/** The snapshot's `expression stored` as `GENERATED ALWAYS AS (expression) STORED`. */
function generatedDdl(generated: string): string {
  const storage = generated.slice(generated.lastIndexOf(' ') + 1);
  const expression = generated.slice(0, generated.length - storage.length - 1);
  return `GENERATED ALWAYS AS (${expression}) ${storage.toUpperCase()}`;
}

/**
 * Foreign keys are added once every table exists, so table order does not matter; NOT VALID
 * constraints too, since CREATE TABLE would validate them; partitions inherit their parent's
 * and add their own afterwards.
 */
function isInline(constraint: SnapshotConstraint): boolean {
  return !constraint.definition.startsWith('FOREIGN KEY') && !constraint.definition.endsWith(' NOT VALID');
}

export function constraintDdl({ name, definition }: SnapshotConstraint): string {
  return `CONSTRAINT ${quoteIdent(name)} ${definition}`;
}

function laterConstraints(table: SnapshotTable): string[] {
  const later = isPartition(table) ? table.constraints : table.constraints.filter((constraint) => !isInline(constraint));
  return later.map((constraint) => `ALTER TABLE ${quoteQualified(table.name)} ADD ${constraintDdl(constraint)};`);
}

/**
 * Indexes that no constraint creates. An index on a partitioned table is read `ON ONLY` the
 * parent; written without it, PostgreSQL builds and attaches the partitions' indexes too.
 */
function standaloneIndexes(table: SnapshotTable): string[] {
  return table.indexes.filter((index) => index.constraint === null).map((index) => `${index.definition.replace(' ON ONLY ', ' ON ')};`);
}

// --------------------------------------------------------------------------------------- views

/**
 * Views after the views they select from. The snapshot keeps no dependencies, so a view is
 * taken to depend on every other view whose name its definition mentions; ties and cycles
 * (a false mention) fall back to name order.
 */
export function viewsInCreationOrder(views: readonly SnapshotView[]): SnapshotView[] {
  const pending = [...views];
  const ordered: SnapshotView[] = [];
  while (pending.length > 0) {
    const ready = pending.find((view) => !pending.some((other) => other !== view && mentions(view.definition, other.name)));
    const next = ready ?? pending[0]!;
    ordered.push(next);
    pending.splice(pending.indexOf(next), 1);
  }
  return ordered;
}

/** Whether `sql` names `name` as a whole identifier (as pg_get_viewdef prints it). */
export function mentions(sql: string, name: string): boolean {
  const printed = escapeRegExp(quoteQualified(name));
  return new RegExp(`(?<![\\w$."])${printed}(?![\\w$"])`).test(sql);
}

export function createView(view: SnapshotView): string {
  const query = view.definition.trim().replace(/;$/, '');
  return `CREATE ${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${quoteQualified(view.name)} AS\n${query};`;
}

// ------------------------------------------------------------------------------------ comments

function commentsSection(snapshot: Snapshot): string[] {
  return [
    ...snapshot.tables.flatMap(tableComments),
    ...snapshot.views.filter((view) => view.comment !== null).map((view) => commentOn(`${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${quoteQualified(view.name)}`, view.comment!)),
    ...snapshot.comments.map(({ name, definition }) => commentOn(commentTarget(name), definition)),
  ];
}

function tableComments(table: SnapshotTable): string[] {
  const name = quoteQualified(table.name);
  const columns = table.columns.filter((column) => column.comment !== null).map((column) => commentOn(`COLUMN ${name}.${quoteIdent(column.name)}`, column.comment!));
  return table.comment === null ? columns : [commentOn(`TABLE ${name}`, table.comment), ...columns];
}

/** `function audit.f(x integer)` → `FUNCTION audit.f(x integer)`: the kind, then the name quoted, arguments as read. */
export function commentTarget(name: string): string {
  const [kind, object] = splitOnce(name, ' ');
  const parenthesis = object.indexOf('(');
  const quoted = parenthesis < 0 ? quoteQualified(object) : `${quoteQualified(object.slice(0, parenthesis))}${object.slice(parenthesis)}`;
  return `${kind.toUpperCase()} ${quoted}`;
}

function commentOn(target: string, text: string): string {
  return `COMMENT ON ${target} IS ${quoteLiteral(text)};`;
}
