/**
 * SQLite schema steps as the `op` calls a person writes with knex's builders, where knex's SQLite
 * DDL says exactly what the catalog holds: plain columns, an AUTOINCREMENT key as
 * `t.increments`, foreign keys, plain indexes. Tables with unique or check constraints stay SQL
 * (knex makes a unique a separate index, and names checks). The command proves what is offered.
 */
import type { SnapshotColumn, SnapshotIndex, SnapshotTable } from '../schema/snapshot.js';
import { tsString as text } from './code-text.js';

/** knex's builder for a declared type, when it writes exactly that type. */
const BUILDERS: Record<string, string> = {
  integer: 'integer',
  bigint: 'bigInteger',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  float: 'float',
  blob: 'binary',
};

const list = (names: readonly string[]) => `[${names.map(text).join(', ')}]`;

function columnCall(column: SnapshotColumn, autoincrement: boolean): string | undefined {
  if (column.collation !== null || column.generated !== null) return undefined;
  const name = text(column.name);
  // knex writes `integer not null primary key autoincrement`.
  if (autoincrement) return column.nullable ? undefined : `t.increments(${name})`;
  const varchar = /^varchar\((\d+)\)$/.exec(column.type);
  const known = BUILDERS[column.type];
  const builder = varchar ? `t.string(${name}, ${varchar[1]})` : known ? `t.${known}(${name})` : `t.specificType(${name}, ${text(column.type)})`;
  const quoted = column.default && /^'((?:[^']|'')*)'$/.exec(column.default);
  const defaultCall = column.default === null ? '' : `.defaultTo(${quoted ? text(quoted[1]!.replaceAll("''", "'")) : `op.raw(${text(column.default)})`})`;
  return `${builder}${column.nullable ? '' : '.notNullable()'}${defaultCall}`;
}

/** A foreign key as `t.foreign(...)`, or undefined for what knex cannot say (deferrable, MATCH). */
function foreignKeyCall(definition: string): string | undefined {
  const match = /^FOREIGN KEY \(([^)]+)\) REFERENCES (\S+) \(([^)]+)\)((?: ON (?:UPDATE|DELETE) (?:CASCADE|RESTRICT|SET NULL|SET DEFAULT|NO ACTION))*)$/.exec(definition);
  if (!match || /["`[]/.test(definition)) return undefined;
  const actions = [...match[4]!.matchAll(/ ON (UPDATE|DELETE) (CASCADE|RESTRICT|SET NULL|SET DEFAULT|NO ACTION)/g)].map(([, event, action]) => `.on${event === 'UPDATE' ? 'Update' : 'Delete'}(${text(action!)})`);
  return `t.foreign(${list(match[1]!.split(', '))}).references(${list(match[3]!.split(', '))}).inTable(${text(match[2]!)})${actions.join('')}`;
}

function indexCall(index: SnapshotIndex): string | undefined {
  const match = /^CREATE (UNIQUE )?INDEX (\S+) ON \S+ \(([\w, ]+)\)$/.exec(index.definition);
  if (!match) return undefined;
  const columns = list(match[3]!.split(', '));
  return match[1] ? `t.unique(${columns}, { indexName: ${text(index.name)} })` : `t.index(${columns}, ${text(index.name)})`;
}

export const sqliteCalls = {
  /** `op.createTable` with its columns, key, foreign keys and indexes, or undefined. */
  createTable(table: SnapshotTable): string[] | undefined {
    if (table.kind !== 'table' || table.triggers.length > 0 || table.indexes.some((index) => index.constraint !== null)) return undefined;
    const primaryKey = table.constraints.find((constraint) => constraint.name === 'primary key');
    const autoincrement = /^PRIMARY KEY \((\w+)\) AUTOINCREMENT$/.exec(primaryKey?.definition ?? '')?.[1];
    const others = table.constraints.filter((constraint) => constraint !== primaryKey);
    if (others.some((constraint) => !constraint.definition.startsWith('FOREIGN KEY'))) return undefined;
    const keyColumns = primaryKey && !autoincrement ? /^PRIMARY KEY \(([\w, ]+)\)$/.exec(primaryKey.definition)?.[1] : undefined;
    const calls = [
      ...table.columns.map((column) => columnCall(column, column.name === autoincrement)),
      ...(primaryKey && !autoincrement ? [keyColumns && `t.primary(${list(keyColumns.split(', '))})`] : []),
      ...others.map((constraint) => foreignKeyCall(constraint.definition)),
      ...table.indexes.map(indexCall),
    ];
    if (calls.some((call) => !call)) return undefined;
    return [`op.createTable(${text(table.name)}, (t) => {`, ...calls.map((call) => `  ${call};`), '});'];
  },
  addColumn(table: SnapshotTable, column: SnapshotColumn): string[] | undefined {
    const call = columnCall(column, false);
    return call === undefined ? undefined : [`op.alterTable(${text(table.name)}, (t) => {`, `  ${call};`, '});'];
  },
  dropColumn: (table: SnapshotTable, column: SnapshotColumn) => [`op.alterTable(${text(table.name)}, (t) => {`, `  t.dropColumn(${text(column.name)});`, '});'],
  index(table: SnapshotTable, index: SnapshotIndex): string[] | undefined {
    const call = indexCall(index);
    return call === undefined ? undefined : [`op.alterTable(${text(table.name)}, (t) => {`, `  ${call};`, '});'];
  },
};
