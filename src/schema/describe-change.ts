import type { FieldChange, SchemaChange } from './schema-diff.js';

/**
 * Schema changes as a reviewer reads them, one line each: `added table countries (code
 * character varying(2) NOT NULL, ...; PRIMARY KEY (code))`, `added column
 * customers.loyalty_points (integer NOT NULL default 0)`, `column customers.email: type
 * character varying(200) -> character varying(320)`, `countries: 0 -> 6 rows`. A new or dropped
 * table's columns, keys, indexes and serial sequences are folded into its own line; version
 * bookkeeping and indexes that only enforce a listed constraint are left out.
 */
export function describeChanges(changes: readonly SchemaChange[]): string[] {
  const whole = new Map(changes.filter((change) => change.kind === 'table' && change.change !== 'changed').map((change) => [change.table!, change]));
  const constraints = new Set(changes.filter((change) => change.kind === 'constraint').map((change) => `${change.table}\0${change.object.split(' ')[1]}`));
  const lines: string[] = [];
  for (const change of changes) {
    if (change.kind === 'version table' || isPartOfWholeTable(change, whole) || enforcesListedConstraint(change, constraints)) continue;
    if (change.kind === 'rows') {
      const line = describeRows(change);
      if (line) lines.push(line);
    } else if (change.kind === 'table' && change.change === 'added') lines.push(`added ${change.object}${tableSummary(change.table!, changes)}`);
    else lines.push(describeChange(change));
  }
  return lines;
}

/**
 * How a database differs from the state it should be in: `column customers.loyalty_points still
 * exists`, `table countries: 6 rows, expected 0`. `change` is from the expected to the actual state.
 */
export function describeMismatch(change: SchemaChange, afterDowngrade: boolean): string {
  if (change.kind === 'rows') return describeRowMismatch(change);
  if (change.change === 'added') return `${change.object} ${afterDowngrade ? 'still exists' : 'exists, and should not'}`;
  if (change.change === 'dropped') return `${change.object} is missing`;
  return `${change.object}: ${change.fields.map((field) => `${field.field} ${shown(field.after)}, expected ${shown(field.before)}`).join('; ')}`;
}

function describeChange(change: SchemaChange): string {
  if (change.change === 'added') return `added ${change.object}${summary(change.fields, 'after')}`;
  if (change.change === 'dropped') return `dropped ${change.object}`;
  return `${change.object}: ${change.fields.map((field) => `${field.field} ${shown(field.before)} -> ${shown(field.after)}`).join('; ')}`;
}

/** Columns, constraints, indexes, triggers and serial sequences of a table added or dropped as a whole (a new table's rows stay). */
function isPartOfWholeTable(change: SchemaChange, whole: ReadonlyMap<string, SchemaChange>): boolean {
  if (change.kind === 'sequence') return ownedByWholeTable(change, whole);
  if (change.kind === 'table' || change.table === undefined) return false;
  const table = whole.get(change.table);
  if (!table) return false;
  return change.kind === 'rows' ? table.change === 'dropped' : table.change === change.change;
}

/** A serial column's sequence comes and goes with its table; the column's default names it. */
function ownedByWholeTable(change: SchemaChange, whole: ReadonlyMap<string, SchemaChange>): boolean {
  const definition = change.fields.find((field) => field.field === 'definition');
  const owner = / OWNED BY (.+)\.[^.]+$/.exec(definition?.after ?? definition?.before ?? '')?.[1];
  return owner !== undefined && whole.get(owner)?.change === change.change;
}

/** An index that enforces a constraint listed beside it says nothing more. */
function enforcesListedConstraint(change: SchemaChange, constraints: ReadonlySet<string>): boolean {
  if (change.kind !== 'index') return false;
  const constraint = change.fields.find((field) => field.field === 'constraint');
  const name = constraint?.after ?? constraint?.before;
  return name !== null && name !== undefined && constraints.has(`${change.table}\0${name}`);
}

/** ` (id integer NOT NULL ..., email ...; PRIMARY KEY (id), UNIQUE (email))` of a new table. */
function tableSummary(table: string, changes: readonly SchemaChange[]): string {
  const mine = changes.filter((change) => change.table === table && change.change === 'added');
  const columns = mine.filter((change) => change.kind === 'column').map((change) => `${change.object.slice(`column ${table}.`.length)}${summary(change.fields, 'after', '')}`);
  const keys = mine.filter((change) => change.kind === 'constraint' || (change.kind === 'index' && !change.fields.some((field) => field.field === 'constraint'))).map((change) => fieldValue(change, 'definition'));
  return ` (${columns.join(', ')}${keys.length > 0 ? `; ${keys.join(', ')}` : ''})`;
}

/** Fields that read on their own (`integer NOT NULL`); the others are named (`default 0`). */
const SELF_EXPLAINING_FIELDS = new Set(['type', 'nullable', 'definition', 'values', 'version']);

function summary(fields: readonly FieldChange[], side: 'before' | 'after', wrap = ' ()'): string {
  const parts = fields.flatMap((field) => {
    const value = field[side];
    if (value === null || value === '' || field.field === 'constraint' || (field.field === 'kind' && value === 'table') || (field.field === 'nullable' && value === 'NULL')) return [];
    return [SELF_EXPLAINING_FIELDS.has(field.field) ? oneLine(value) : `${field.field} ${oneLine(value)}`];
  });
  if (parts.length === 0) return '';
  return wrap === '' ? ` ${parts.join(' ')}` : ` (${parts.join(' ')})`;
}

function fieldValue(change: SchemaChange, name: string): string {
  const field = change.fields.find((candidate) => candidate.field === name);
  return oneLine(field?.after ?? field?.before ?? '');
}

/** View and function bodies span lines; a summary line does not. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shown(value: string | null): string {
  return value === null ? '(none)' : oneLine(value);
}

/** The row counts of a `rows` change; unchanged counts are not among its fields. */
function rowCounts(change: SchemaChange): { before: string | null; after: string | null; countChanged: boolean } {
  const count = change.fields.find((field) => field.field === 'count');
  return { before: count?.before ?? null, after: count?.after ?? null, countChanged: count !== undefined };
}

/** Rows of a changed table; none for a new empty table. */
function describeRows(change: SchemaChange): string | undefined {
  const { before, after, countChanged } = rowCounts(change);
  if (change.change === 'added') return after === '0' ? undefined : `${change.table}: ${after} rows`;
  if (change.change === 'dropped') return undefined;
  return countChanged ? `${change.table}: ${before} -> ${after} rows` : `${change.table}: rows changed, as many as before`;
}

function describeRowMismatch(change: SchemaChange): string {
  const { before, after, countChanged } = rowCounts(change);
  if (change.change !== 'changed') return `table ${change.table}: ${change.change === 'added' ? `${after} rows, expected none (no table)` : `missing, expected ${before} rows`}`;
  return countChanged ? `table ${change.table}: ${after} rows, expected ${before}` : `table ${change.table}: as many rows as expected, but their content differs`;
}
