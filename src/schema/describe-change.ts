import type { FieldChange, SchemaChange } from './schema-diff.js';

/**
 * A schema change as a reviewer reads it: `added column customers.loyalty_points (integer NOT
 * NULL DEFAULT 0)`, `customers.email: type character varying(200) -> character varying(320)`,
 * `countries: 0 -> 6 rows`.
 */
export function describeChange(change: SchemaChange): string {
  if (change.object.startsWith('rows of ')) return describeRows(change);
  if (change.change === 'added') return `added ${change.object}${summary(change.fields, 'after')}`;
  if (change.change === 'dropped') return `dropped ${change.object}`;
  return `${change.object}: ${change.fields.map((field) => `${field.field} ${field.before ?? '(none)'} -> ${field.after ?? '(none)'}`).join('; ')}`;
}

/**
 * How a database differs from the state it should be in: `column customers.loyalty_points still
 * exists`, `table countries: 6 rows, expected 0`. `change` is from the expected to the actual state.
 */
export function describeMismatch(change: SchemaChange, afterDowngrade: boolean): string {
  if (change.object.startsWith('rows of ')) return describeRowMismatch(change);
  if (change.change === 'added') return `${change.object} ${afterDowngrade ? 'still exists' : 'exists, and should not'}`;
  if (change.change === 'dropped') return `${change.object} is missing`;
  return `${change.object}: ${change.fields.map((field) => `${field.field} ${field.after ?? '(none)'}, expected ${field.before ?? '(none)'}`).join('; ')}`;
}

/** Fields that read on their own (`integer NOT NULL`); the others are named (`default 0`). */
const SELF_EXPLAINING_FIELDS = new Set(['type', 'nullable', 'definition', 'values', 'version', 'kind']);

function summary(fields: readonly FieldChange[], side: 'before' | 'after'): string {
  const shown = fields.flatMap((field) => {
    const value = field[side];
    if (value === null || value === '') return [];
    return [SELF_EXPLAINING_FIELDS.has(field.field) ? value : `${field.field} ${value}`];
  });
  return shown.length > 0 ? ` (${shown.join(', ')})` : '';
}

/**
 * The changes a reviewer reads: no version bookkeeping, and no row counts of a table that was
 * just created empty or dropped (the table's own line says it).
 */
export function reviewerChanges(changes: readonly SchemaChange[]): SchemaChange[] {
  return changes.filter((change) => {
    if (change.object === 'version table') return false;
    if (!change.object.startsWith('rows of ')) return true;
    if (change.change === 'dropped') return false;
    return !(change.change === 'added' && change.fields.some((field) => field.field === 'count' && field.after === '0'));
  });
}

function rowCounts(change: SchemaChange): { table: string; before: string; after: string } {
  const count = change.fields.find((field) => field.field === 'count');
  return { table: change.object.slice('rows of '.length), before: count?.before ?? '0', after: count?.after ?? '0' };
}

function describeRows(change: SchemaChange): string {
  const { table, before, after } = rowCounts(change);
  if (change.change === 'added') return `${table}: ${after} rows`;
  return before === after ? `${table}: the ${after} rows changed` : `${table}: ${before} -> ${after} rows`;
}

function describeRowMismatch(change: SchemaChange): string {
  const { table, before, after } = rowCounts(change);
  if (change.change !== 'changed') return `table ${table}: ${change.change === 'added' ? `${after} rows, expected none (no table)` : `missing, expected ${before} rows`}`;
  return before === after ? `table ${table}: ${after} rows as expected, but their content differs` : `table ${table}: ${after} rows, expected ${before}`;
}
