import type { Snapshot, SnapshotColumn, SnapshotTable } from './snapshot.js';

/**
 * One object that differs between two snapshots. Objects are flattened to "kind name" with a
 * few string fields each (one flattener per kind below), so every kind is compared the same way.
 */
export interface SchemaChange {
  change: 'added' | 'dropped' | 'changed';
  /** `column customers.email`, `table countries`, `rows of countries`, `version table`. */
  object: string;
  /** `table`, `column`, `constraint`, `index`, `trigger`, `rows`, `view`, `sequence`, ... */
  kind: string;
  /** The table a column, constraint, index, trigger or row count belongs to. */
  table?: string;
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
  kind: string;
  table?: string;
  fields: Record<string, string>;
}

/** The changes that take `before` to `after`, in a stable order: by kind as listed in {@link flatten}, then name. */
export function diffSnapshots(before: Snapshot, after: Snapshot): SchemaChange[] {
  const shared = sharedObjects(before, after);
  const old = new Map(flatten(before, shared).map((entry) => [entry.object, entry]));
  const next = new Map(flatten(after, shared).map((entry) => [entry.object, entry]));
  const order = [...new Set([...old.keys(), ...next.keys()])];
  const changes: SchemaChange[] = [];
  for (const object of order) {
    const [a, b] = [old.get(object), next.get(object)];
    const { kind, table } = (a ?? b)!;
    const identity = { object, kind, ...(table !== undefined && { table }) };
    if (!a) changes.push({ change: 'added', ...identity, fields: fieldsOf(b!.fields, 'after') });
    else if (!b) changes.push({ change: 'dropped', ...identity, fields: fieldsOf(a.fields, 'before') });
    else {
      const fields = changedFields(a.fields, b.fields);
      if (fields.length > 0) changes.push({ change: 'changed', ...identity, fields });
    }
  }
  return changes;
}

/** Snapshots read one after another share the objects that were not read again: those cannot differ. */
function sharedObjects(before: Snapshot, after: Snapshot): ReadonlySet<object> {
  const shared = new Set<object>();
  const collect = (old: readonly object[], next: readonly object[]) => {
    const present = new Set(next);
    for (const item of old) if (present.has(item)) shared.add(item);
  };
  collect(before.tables, after.tables);
  collect(before.sequences, after.sequences);
  collect(before.comments, after.comments);
  return shared;
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

/** Every object of a snapshot but the `skipped` ones, kind by kind in the order a schema is built. */
function flatten(snapshot: Snapshot, skipped: ReadonlySet<object>): FlatObject[] {
  const named = (kind: string, name: string, fields: Record<string, string>): FlatObject => ({ object: `${kind} ${name}`, kind, fields });
  const flat: FlatObject[] = [
    ...snapshot.schemas.map((name) => named('schema', name, {})),
    ...snapshot.extensions.map(({ name, definition }) => named('extension', name, { version: definition })),
    ...snapshot.enums.map(({ name, values }) => named('enum', name, { values: values.join(', ') })),
    ...snapshot.domains.map(({ name, definition }) => named('domain', name, { definition })),
    ...snapshot.sequences.filter((sequence) => !skipped.has(sequence)).map(({ name, definition }) => named('sequence', name, { definition })),
    ...snapshot.tables.filter((table) => !skipped.has(table)).flatMap(flattenTable),
    ...snapshot.views.map((view) => named(view.materialized ? 'materialized view' : 'view', view.name, present({ definition: view.definition, comment: view.comment }))),
    ...snapshot.functions.map(({ name, definition }) => named('function', name, { definition })),
    ...snapshot.comments.filter((comment) => !skipped.has(comment)).map(({ name, definition }) => ({ object: `comment on ${name}`, kind: 'comment', fields: { text: definition } })),
  ];
  if (snapshot.versions) flat.push({ object: 'version table', kind: 'version table', fields: { rows: `[${snapshot.versions.join(', ')}]` } });
  return flat;
}

function flattenTable(table: SnapshotTable): FlatObject[] {
  const child = (kind: string, name: string, fields: Record<string, string>): FlatObject => ({ object: `${kind} ${name} on ${table.name}`, kind, table: table.name, fields });
  return [
    { object: `table ${table.name}`, kind: 'table', table: table.name, fields: present({ kind: table.kind, comment: table.comment }) },
    ...table.columns.map((column) => ({ object: `column ${table.name}.${column.name}`, kind: 'column', table: table.name, fields: columnFields(column) })),
    ...table.constraints.map(({ name, definition }) => child('constraint', name, { definition })),
    ...table.indexes.map(({ name, definition, constraint }) => child('index', name, present({ definition, constraint }))),
    ...table.triggers.map(({ name, definition }) => child('trigger', name, { definition })),
    { object: `rows of ${table.name}`, kind: 'rows', table: table.name, fields: { count: String(table.rows.count), digest: table.rows.digest } },
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
