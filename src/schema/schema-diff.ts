import type { Snapshot, SnapshotColumn, SnapshotTable } from './snapshot.js';

/**
 * One object that differs between two snapshots. Objects are flattened to "kind name" with a
 * few string fields each (one flattener per kind below), so every kind is compared the same way.
 */
export interface SchemaChange {
  change: 'added' | 'dropped' | 'changed';
  /** `column customers.email`, `table countries`, `rows of countries`, `version table`. */
  object: string;
  /** For `changed`: each field that differs. For `added`/`dropped`: the object's fields, to show what it is. */
  fields: readonly FieldChange[];
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

interface FlatObject {
  object: string;
  fields: Record<string, string>;
}

/** The changes that take `before` to `after`, in a stable order: by kind as listed in {@link flatten}, then name. */
export function diffSnapshots(before: Snapshot, after: Snapshot): SchemaChange[] {
  const old = new Map(flatten(before).map((entry) => [entry.object, entry.fields]));
  const next = new Map(flatten(after).map((entry) => [entry.object, entry.fields]));
  const order = [...new Set([...old.keys(), ...next.keys()])];
  const changes: SchemaChange[] = [];
  for (const object of order) {
    const [a, b] = [old.get(object), next.get(object)];
    if (!a) changes.push({ change: 'added', object, fields: fieldsOf(b!, 'after') });
    else if (!b) changes.push({ change: 'dropped', object, fields: fieldsOf(a, 'before') });
    else {
      const fields = changedFields(a, b);
      if (fields.length > 0) changes.push({ change: 'changed', object, fields });
    }
  }
  return changes;
}

/** Whether two snapshots describe the same database (column order aside). */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return diffSnapshots(a, b).length === 0;
}

function fieldsOf(fields: Record<string, string>, side: 'before' | 'after'): FieldChange[] {
  return Object.entries(fields).map(([field, value]) => ({ field, before: side === 'before' ? value : null, after: side === 'after' ? value : null }));
}

function changedFields(a: Record<string, string>, b: Record<string, string>): FieldChange[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names.filter((field) => a[field] !== b[field]).map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}

/** Fields whose value is absent are left out, so `null` and "not set" compare equal. */
function present(fields: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Every object of a snapshot, kind by kind in the order a schema is built. */
function flatten(snapshot: Snapshot): FlatObject[] {
  const flat: FlatObject[] = [
    ...snapshot.schemas.map((name) => ({ object: `schema ${name}`, fields: {} })),
    ...snapshot.extensions.map(({ name, definition }) => ({ object: `extension ${name}`, fields: { version: definition } })),
    ...snapshot.enums.map(({ name, values }) => ({ object: `enum ${name}`, fields: { values: values.join(', ') } })),
    ...snapshot.domains.map(({ name, definition }) => ({ object: `domain ${name}`, fields: { definition } })),
    ...snapshot.sequences.map(({ name, definition }) => ({ object: `sequence ${name}`, fields: { definition } })),
    ...snapshot.tables.flatMap(flattenTable),
    ...snapshot.views.map((view) => ({ object: `${view.materialized ? 'materialized view' : 'view'} ${view.name}`, fields: present({ definition: view.definition, comment: view.comment }) })),
    ...snapshot.functions.map(({ name, definition }) => ({ object: `function ${name}`, fields: { definition } })),
    ...snapshot.comments.map(({ name, definition }) => ({ object: `comment on ${name}`, fields: { text: definition } })),
  ];
  if (snapshot.versions) flat.push({ object: 'version table', fields: { rows: `[${snapshot.versions.join(', ')}]` } });
  return flat;
}

function flattenTable(table: SnapshotTable): FlatObject[] {
  return [
    { object: `table ${table.name}`, fields: present({ kind: table.kind, comment: table.comment }) },
    ...table.columns.map((column) => ({ object: `column ${table.name}.${column.name}`, fields: columnFields(column) })),
    ...table.constraints.map(({ name, definition }) => ({ object: `constraint ${name} on ${table.name}`, fields: { definition } })),
    ...table.indexes.map(({ name, definition }) => ({ object: `index ${name} on ${table.name}`, fields: { definition } })),
    ...table.triggers.map(({ name, definition }) => ({ object: `trigger ${name} on ${table.name}`, fields: { definition } })),
    { object: `rows of ${table.name}`, fields: { count: String(table.rows.count), digest: table.rows.digest } },
  ];
}

function columnFields(column: SnapshotColumn): Record<string, string> {
  return present({
    type: column.type,
    nullable: column.nullable ? 'NULL' : 'NOT NULL',
    default: column.default,
    collation: column.collation,
    identity: column.identity,
    generated: column.generated,
    comment: column.comment,
  });
}
