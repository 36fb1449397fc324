/** What the PostgreSQL planner and the op-call writer both need to know of catalog objects. */
import { quoteLiteral, quoteQualified } from '../schema/ddl/postgresql.js';
import type { NamedDefinition, SnapshotColumn, SnapshotConstraint, SnapshotTable } from '../schema/snapshot.js';

export const OWNED_BY = ' OWNED BY ';

const SERIAL_TYPES: Record<string, { serial: string; max: string }> = {
  integer: { serial: 'serial', max: '2147483647' },
  bigint: { serial: 'bigserial', max: '9223372036854775807' },
  smallint: { serial: 'smallserial', max: '32767' },
};

/**
 * `serial`, `bigserial` or `smallserial` when the column is one: its default takes the next
 * value of the sequence PostgreSQL names `<table>_<column>_seq`, which it owns with default options.
 */
export function serialType(column: SnapshotColumn, table: SnapshotTable, sequences?: readonly NamedDefinition[]): string | undefined {
  const kind = SERIAL_TYPES[column.type];
  if (!kind || column.nullable) return undefined;
  const dot = table.name.indexOf('.');
  const sequence = `${dot < 0 ? '' : table.name.slice(0, dot + 1)}${table.name.slice(dot + 1)}_${column.name}_seq`;
  if (column.default !== `nextval(${quoteLiteral(quoteQualified(sequence))}::regclass)`) return undefined;
  const definition = sequences?.find((candidate) => candidate.name === sequence)?.definition;
  if (sequences && definition !== `AS ${column.type} START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE ${kind.max} CACHE 1 NO CYCLE${OWNED_BY}${table.name}.${column.name}`) return undefined;
  return kind.serial;
}

/** The table a foreign key references, named as the snapshot names tables. */
export function referencedTable(constraint: SnapshotConstraint): string {
  const target = /REFERENCES ((?:"(?:[^"]|"")+"|[^\s(."]+)(?:\.(?:"(?:[^"]|"")+"|[^\s(."]+))?)\(/.exec(constraint.definition)?.[1] ?? '';
  const unquoted = target.split('.').map((part) => (part.startsWith('"') ? part.slice(1, -1).replaceAll('""', '"') : part));
  // pg_get_constraintdef qualifies a table only outside the search path (public).
  if (unquoted.length === 1) return unquoted[0]!;
  return unquoted[0] === 'public' ? unquoted[1]! : unquoted.join('.');
}


/** The table with its serial columns written as `serial` (the type makes the sequence and the default). */
export function withSerialTypes(table: SnapshotTable, sequences: readonly NamedDefinition[]): SnapshotTable {
  return { ...table, columns: table.columns.map((column) => serialColumn(column, table, sequences)) };
}

export function serialColumn(column: SnapshotColumn, table: SnapshotTable, sequences: readonly NamedDefinition[]): SnapshotColumn {
  const serial = serialType(column, table, sequences);
  return serial ? { ...column, type: serial, default: null } : column;
}
