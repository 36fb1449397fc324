/**
 * PostgreSQL schema steps as the `op` calls a person writes with knex's builders: `t.string('email',
 * 320).notNullable()` rather than the catalog's `character varying(320) NOT NULL`. A call is
 * offered only where knex's builder says the same thing; anything else (identity columns,
 * expression or partial indexes, deferrable keys, ...) stays SQL in `op.execute`. Whatever is
 * offered is proven by the command on an engine, with SQL as the fallback.
 */
import type { Snapshot, SnapshotColumn, SnapshotConstraint, SnapshotIndex, SnapshotTable, SnapshotView } from '../schema/snapshot.js';
import { templateLiteral, tsString as text } from './code-text.js';
import { referencedTable, serialType } from './postgresql-objects.js';

const list = (names: readonly string[]) => `[${names.map(text).join(', ')}]`;

/** knex's own builder for a catalog type, when there is one that renders exactly that type. */
const BUILDERS: Record<string, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigInteger',
  smallint: 'smallint',
  boolean: 'boolean',
  date: 'date',
  uuid: 'uuid',
  jsonb: 'jsonb',
  json: 'json',
  'double precision': 'double',
  bytea: 'binary',
  'timestamp with time zone': 'timestamp',
};

function alterTable(table: SnapshotTable, lines: readonly string[]): string[] {
  return [`op.alterTable(${text(table.name)}, (t) => {`, ...lines.map((line) => `  ${line}`), '});'];
}

/** `t.string('email', 320).notNullable().defaultTo('x')`, or undefined when knex cannot say it. */
function columnCall(column: SnapshotColumn, table: SnapshotTable, snapshot: Snapshot, primaryKey: boolean): string | undefined {
  if (column.collation !== null || column.identity !== null || column.generated !== null) return undefined;
  const serial = serialType(column, table, snapshot.sequences);
  if (serial === 'serial' || serial === 'bigserial') {
    return `t.${serial === 'serial' ? 'increments' : 'bigIncrements'}(${text(column.name)}${primaryKey ? '' : ', { primaryKey: false }'})`;
  }
  const builder = typeCall(column);
  if (!builder) return undefined;
  const defaultCall = column.default === null ? '' : `.defaultTo(${defaultValue(column)})`;
  return `${builder}${column.nullable ? '' : '.notNullable()'}${defaultCall}`;
}

function typeCall(column: SnapshotColumn): string | undefined {
  const name = text(column.name);
  const known = BUILDERS[column.type];
  if (known) return `t.${known}(${name})`;
  const varchar = /^character varying\((\d+)\)$/.exec(column.type);
  if (varchar) return `t.string(${name}, ${varchar[1]})`;
  const numeric = /^numeric\((\d+),(\d+)\)$/.exec(column.type);
  if (numeric) return `t.decimal(${name}, ${numeric[1]}, ${numeric[2]})`;
  if (column.type === 'timestamp without time zone') return `t.timestamp(${name}, { useTz: false })`;
  return column.type.includes('?') ? undefined : `t.specificType(${name}, ${text(column.type)})`;
}

/** A default as knex takes it: a string the catalog shows cast to the column's own type, a boolean, else the expression raw. */
function defaultValue(column: SnapshotColumn): string {
  const quoted = /^'((?:[^']|'')*)'::(.+)$/.exec(column.default!);
  if (quoted && (quoted[2] === column.type || quoted[2] === column.type.replace(/\(.*\)$/, ''))) return text(quoted[1]!.replaceAll("''", "'"));
  if (column.type === 'boolean' && /^(?:true|false)$/.test(column.default!)) return column.default!;
  return `op.raw(${text(column.default!)})`;
}

/** The columns of a plain `(a, b)` list, or undefined when it holds expressions or options. */
function plainColumns(inside: string): string[] | undefined {
  const names = inside.split(', ');
  return names.every((name) => /^(?:[a-z_][a-z0-9_$]*|"(?:[^"]|"")+")$/.test(name)) ? names.map((name) => (name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name)) : undefined;
}

/** A constraint as a table builder call, or undefined. */
function constraintCall(constraint: SnapshotConstraint, table: SnapshotTable): string | undefined {
  const { name, definition } = constraint;
  const primary = /^PRIMARY KEY \((.+)\)$/.exec(definition);
  if (primary) return ifColumns(primary[1]!, (columns) => `t.primary(${list(columns)}, { constraintName: ${text(name)} })`);
  const unique = /^UNIQUE \((.+)\)$/.exec(definition);
  if (unique) return ifColumns(unique[1]!, (columns) => `t.unique(${list(columns)}, { indexName: ${text(name)} })`);
  const check = /^CHECK \((.*)\)$/.exec(definition);
  if (check && !check[1]!.includes('?')) return `t.check(${text(check[1]!)}, [], ${text(name)})`;
  const foreign = /^FOREIGN KEY \((.+)\) REFERENCES (?:[^(]+)\((.+)\)((?: ON UPDATE (?:CASCADE|RESTRICT|SET NULL|SET DEFAULT))?(?: ON DELETE (?:CASCADE|RESTRICT|SET NULL|SET DEFAULT))?)$/.exec(definition);
  if (!foreign) return undefined;
  const columns = plainColumns(foreign[1]!);
  const targets = plainColumns(foreign[2]!);
  if (!columns || !targets) return undefined;
  const actions = [...foreign[3]!.matchAll(/ ON (UPDATE|DELETE) (CASCADE|RESTRICT|SET NULL|SET DEFAULT)/g)].map(([, event, action]) => `.on${event === 'UPDATE' ? 'Update' : 'Delete'}(${text(action!)})`);
  return `t.foreign(${list(columns)}, ${text(name)}).references(${list(targets)}).inTable(${text(referencedTable(constraint))})${actions.join('')}`;
}

function ifColumns(inside: string, call: (columns: string[]) => string): string | undefined {
  const columns = plainColumns(inside);
  return columns && call(columns);
}

/** A plain b-tree index on columns as `t.index` / `t.unique`, or undefined. */
function indexCall(index: SnapshotIndex): string | undefined {
  const match = /^CREATE (UNIQUE )?INDEX (?:\S+) ON (?:ONLY )?\S+ USING btree \((.+)\)$/.exec(index.definition);
  const columns = match && plainColumns(match[2]!);
  if (!columns) return undefined;
  return match![1] ? `t.unique(${list(columns)}, { indexName: ${text(index.name)}, useConstraint: false })` : `t.index(${list(columns)}, ${text(index.name)})`;
}

function allOrNothing<T>(items: readonly T[], call: (item: T) => string | undefined): string[] | undefined {
  const calls = items.map(call);
  return calls.every((line): line is string => line !== undefined) ? calls.map((line) => `${line};`) : undefined;
}

export const postgresqlCalls = {
  /** `op.createTable` with the columns, constraints and the foreign keys to tables that exist by then. */
  createTable(table: SnapshotTable, foreignKeys: readonly SnapshotConstraint[], snapshot: Snapshot): string[] | undefined {
    if (table.kind !== 'table') return undefined;
    const primaryKey = table.constraints.find((constraint) => constraint.definition.startsWith('PRIMARY KEY'));
    const byIncrements = primaryKey && primaryKey.name === `${bareName(table.name)}_pkey` && table.columns.some((column) => primaryKey.definition === `PRIMARY KEY (${column.name})` && serialType(column, table, snapshot.sequences));
    const columns = allOrNothing(table.columns, (column) => columnCall(column, table, snapshot, Boolean(byIncrements) && primaryKey!.definition === `PRIMARY KEY (${column.name})`));
    const constraints = allOrNothing(
      table.constraints.filter((constraint) => !(byIncrements && constraint === primaryKey) && (!constraint.definition.startsWith('FOREIGN KEY') || foreignKeys.includes(constraint))),
      (constraint) => constraintCall(constraint, table),
    );
    if (!columns || !constraints) return undefined;
    return [`op.createTable(${text(table.name)}, (t) => {`, ...[...columns, ...constraints].map((line) => `  ${line}`), '});'];
  },
  dropTable: (table: SnapshotTable) => [`op.dropTable(${text(table.name)});`],
  addColumn(table: SnapshotTable, column: SnapshotColumn, snapshot: Snapshot): string[] | undefined {
    const call = columnCall(column, table, snapshot, false);
    return call === undefined ? undefined : alterTable(table, [`${call};`]);
  },
  /**
   * knex's `.alter()` restates the whole column: type, nullability and default (it drops the
   * default and NOT NULL, changes the type, then sets both again), as a person writes it.
   */
  alterColumn(table: SnapshotTable, before: SnapshotColumn, after: SnapshotColumn, snapshot: Snapshot): string[] | undefined {
    if (before.identity !== null || serialType(before, table, snapshot.sequences) || serialType(after, table, snapshot.sequences)) return undefined;
    const call = columnCall(after, table, snapshot, false);
    return call === undefined ? undefined : alterTable(table, [`${call}.alter();`]);
  },
  dropColumn: (table: SnapshotTable, column: SnapshotColumn) => alterTable(table, [`t.dropColumn(${text(column.name)});`]),
  addConstraint(table: SnapshotTable, constraint: SnapshotConstraint): string[] | undefined {
    const call = constraintCall(constraint, table);
    return call === undefined ? undefined : alterTable(table, [`${call};`]);
  },
  dropConstraint(table: SnapshotTable, constraint: SnapshotConstraint): string[] | undefined {
    const { name, definition } = constraint;
    const columns = /^(?:FOREIGN KEY|UNIQUE|PRIMARY KEY) \(([^)]+)\)/.exec(definition);
    const named = columns && plainColumns(columns[1]!);
    if (definition.startsWith('FOREIGN KEY') && named) return alterTable(table, [`t.dropForeign(${list(named)}, ${text(name)});`]);
    if (definition.startsWith('UNIQUE') && named) return alterTable(table, [`t.dropUnique(${list(named)}, ${text(name)});`]);
    if (definition.startsWith('PRIMARY KEY')) return alterTable(table, [`t.dropPrimary(${text(name)});`]);
    return undefined;
  },
  indexes(table: SnapshotTable, indexes: readonly SnapshotIndex[]): string[] | undefined {
    const calls = allOrNothing(indexes, indexCall);
    return calls && alterTable(table, calls);
  },
  createView(view: SnapshotView): string[] | undefined {
    if (view.definition.includes('?')) return undefined;
    const query = view.definition.trim().replace(/;$/, '');
    return [`op.${view.materialized ? 'createMaterializedView' : 'createView'}(${text(view.name)}, ${templateLiteral(query)});`];
  },
  dropView: (view: SnapshotView) => [`op.${view.materialized ? 'dropMaterializedView' : 'dropView'}(${text(view.name)});`],
};

function bareName(table: string): string {
  return table.slice(table.indexOf('.') + 1);
}
