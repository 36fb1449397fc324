/**
 * The steps that take one SQLite snapshot to another. SQLite's ALTER TABLE can add a plain
 * column and drop an unconstrained one; any other change to a table is a rebuild, as SQLite's
 * manual lays it out: create the new table under another name, copy the rows of the columns both
 * have, drop the old one, rename the new one, then create its indexes and triggers again. Views
 * and triggers that read a rebuilt table are dropped first and created again after, since the
 * rename checks every view and trigger of the schema.
 */
import { createTable, mentions, viewsInDependencyOrder } from '../schema/ddl/sqlite.js';
import { isConstantDefault, sqliteName } from '../schema/readers/sqlite.js';
import type { NamedDefinition, Snapshot, SnapshotColumn, SnapshotIndex, SnapshotTable, SnapshotView } from '../schema/snapshot.js';
import { tsString as text } from './code-text.js';
import { sqliteCalls } from './sqlite-calls.js';
import { recreatedViews } from './recreated-views.js';
import { byName, gone, standalone, type SchemaPlan, type SchemaStep } from './schema-step.js';

export function planSqlite(from: Snapshot, to: Snapshot): SchemaPlan {
  return new SqlitePlanner(from, to).plan();
}

/**
 * With foreign keys enforced, DROP TABLE first deletes every row, which cascades to (or is
 * refused by) the rows that reference them, in tables the revision keeps; SQLite's procedure
 * for a rebuild turns enforcement off first. The pragma does nothing inside a transaction, so it
 * runs outside the revision's (a SQL revision cannot say that: its file says it instead).
 */
const FOREIGN_KEYS_OFF: SchemaStep = {
  summary: 'foreign key enforcement off for the table drops and rebuilds',
  sql: [],
  outside: ['PRAGMA foreign_keys = OFF'],
  comment: 'Tables are dropped or rebuilt below: run this with foreign keys off (PRAGMA foreign_keys = OFF, outside any transaction), or DROP TABLE deletes rows that other tables reference.',
};

/** What happens to a table both snapshots have. */
type TableChange = 'same' | 'alter' | 'rebuild';

class SqlitePlanner {
  private readonly steps: SchemaStep[] = [];
  private readonly oldTables: Map<string, SnapshotTable>;
  private readonly newTables: Map<string, SnapshotTable>;
  private readonly changes = new Map<string, TableChange>();

  constructor(
    private readonly from: Snapshot,
    private readonly to: Snapshot,
  ) {
    this.oldTables = byName(from.tables);
    this.newTables = byName(to.tables);
    for (const table of from.tables) {
      const after = this.newTables.get(table.name);
      if (after) this.changes.set(table.name, tableChange(table, after, from));
    }
  }

  plan(): SchemaPlan {
    const rebuilt = [...this.changes].filter(([, change]) => change === 'rebuild').map(([name]) => name);
    const touched = [...rebuilt, ...this.from.tables.filter((table) => !this.newTables.has(table.name)).map((table) => table.name)];
    const views = this.recreatedViews(touched);
    const triggers = this.recreatedTriggers(touched, rebuilt);
    if (touched.length > 0) this.steps.push(FOREIGN_KEYS_OFF);
    for (const view of [...views.drop].reverse()) this.step(`drop view ${view.name}`, [`DROP VIEW ${sqliteName(view.name)}`]);
    for (const [table, trigger] of triggers.drop) this.step(`drop trigger ${trigger.name} on ${table.name}`, [`DROP TRIGGER ${sqliteName(trigger.name)}`]);
    for (const table of this.from.tables) {
      const after = this.newTables.get(table.name);
      if (after && this.changes.get(table.name) !== 'rebuild') for (const index of gone(standalone(table.indexes), standalone(after.indexes))) this.step(`drop index ${index.name} on ${table.name}`, [`DROP INDEX ${sqliteName(index.name)}`]);
    }
    for (const table of this.from.tables) {
      if (!this.newTables.has(table.name)) this.step(`drop table ${table.name}`, [`DROP TABLE ${sqliteName(table.name)}`], [`op.dropTable(${text(table.name)});`], `drops table ${table.name} and its rows`);
    }
    for (const table of this.to.tables) {
      if (this.oldTables.has(table.name)) continue;
      const indexes = standalone(table.indexes);
      const call = sqliteCalls.createTable({ ...table, indexes });
      this.step(`create table ${table.name}`, [createTable(table).replace(/;$/, ''), ...indexes.map((index) => index.definition)], call);
    }
    for (const [name, change] of this.changes) {
      if (change === 'alter') this.alter(this.oldTables.get(name)!, this.newTables.get(name)!);
      if (change === 'rebuild') this.rebuild(this.oldTables.get(name)!, this.newTables.get(name)!);
    }
    for (const table of this.to.tables) {
      const before = this.oldTables.get(table.name);
      // A new table's indexes came with it.
      if (!before) continue;
      const fresh = this.changes.get(table.name) === 'rebuild';
      for (const index of fresh ? standalone(table.indexes) : gone(standalone(table.indexes), standalone(before.indexes))) this.step(`create index ${index.name} on ${table.name}`, [index.definition], sqliteCalls.index(table, index));
    }
    for (const view of views.create) this.step(`create view ${view.name}`, [view.definition]);
    for (const [table, trigger] of triggers.create) this.step(`create trigger ${trigger.name} on ${table.name}`, [trigger.definition]);
    return { steps: this.steps, unexpressed: [] };
  }

  private step(summary: string, sql: string[], call?: string[], losesData?: string): void {
    this.steps.push({ summary, sql, ...(call && { call }), ...(losesData && { losesData }) });
  }

  /** Views removed or changed, and views that read a table rebuilt or dropped (or such a view). */
  private recreatedViews(touched: readonly string[]): { drop: SnapshotView[]; create: SnapshotView[] } {
    const oldViews = byName(this.from.views);
    const recreated = recreatedViews(this.from.views, this.to.views, (view, others) => [...touched, ...others].some((name) => mentions(view.definition, name)));
    return {
      drop: viewsInDependencyOrder(this.from.views.filter((view) => recreated.has(view.name))),
      create: viewsInDependencyOrder(this.to.views.filter((view) => !oldViews.has(view.name) || recreated.has(view.name))),
    };
  }

  /** Triggers removed or changed, on a rebuilt table (the rebuild drops them), or whose body names a table rebuilt or dropped. */
  private recreatedTriggers(touched: readonly string[], rebuilt: readonly string[]) {
    const drop: [SnapshotTable, NamedDefinition][] = [];
    const create: [SnapshotTable, NamedDefinition][] = [];
    const reads = (trigger: NamedDefinition) => touched.some((name) => mentions(trigger.definition, name));
    for (const table of this.from.tables) {
      const after = this.newTables.get(table.name);
      if (!after) continue;
      const next = byName(after.triggers);
      for (const trigger of table.triggers) {
        const same = next.get(trigger.name)?.definition === trigger.definition;
        if (!same || (reads(trigger) && !rebuilt.includes(table.name))) drop.push([table, trigger]);
      }
    }
    for (const table of this.to.tables) {
      const before = this.oldTables.get(table.name);
      const old = byName(before?.triggers ?? []);
      for (const trigger of table.triggers) {
        const same = old.get(trigger.name)?.definition === trigger.definition;
        if (!before || !same || reads(trigger) || rebuilt.includes(table.name)) create.push([table, trigger]);
      }
    }
    return { drop, create };
  }

  /** Columns added and dropped with ALTER TABLE, which SQLite allows for these (see {@link tableChange}). */
  private alter(before: SnapshotTable, after: SnapshotTable): void {
    const name = sqliteName(after.name);
    const old = byName(before.columns);
    const next = byName(after.columns);
    for (const column of before.columns) {
      if (!next.has(column.name)) this.step(`drop column ${after.name}.${column.name}`, [`ALTER TABLE ${name} DROP COLUMN ${sqliteName(column.name)}`], sqliteCalls.dropColumn(after, column), `drops column ${after.name}.${column.name} and its values`);
    }
    for (const column of after.columns) {
      if (!old.has(column.name)) this.step(`add column ${after.name}.${column.name}`, [`ALTER TABLE ${name} ADD COLUMN ${columnText(after, column)}`], sqliteCalls.addColumn(after, column));
    }
  }

  private rebuild(before: SnapshotTable, after: SnapshotTable): void {
    const temporary = `sqlgen_new_${after.name}`;
    const kept = after.columns.filter((column) => before.columns.some((other) => other.name === column.name)).map((column) => sqliteName(column.name));
    const lost = before.columns.filter((column) => !after.columns.some((other) => other.name === column.name)).map((column) => column.name);
    const retyped = after.columns.filter((column) => before.columns.some((other) => other.name === column.name && affinity(other.type) !== affinity(column.type))).map((column) => column.name);
    const losses = [...(lost.length > 0 ? [`drops column${lost.length > 1 ? 's' : ''} ${lost.map((column) => `${after.name}.${column}`).join(', ')} and ${lost.length > 1 ? 'their' : 'its'} values`] : []), ...(retyped.length > 0 ? [`converts ${retyped.map((column) => `${after.name}.${column}`).join(', ')} to another type affinity`] : [])];
    this.step(
      `rebuild table ${after.name}`,
      [
        createTable({ ...after, name: temporary }).replace(/;$/, ''),
        `INSERT INTO ${sqliteName(temporary)} (${kept.join(', ')}) SELECT ${kept.join(', ')} FROM ${sqliteName(after.name)}`,
        `DROP TABLE ${sqliteName(after.name)}`,
        `ALTER TABLE ${sqliteName(temporary)} RENAME TO ${sqliteName(after.name)}`,
      ],
      undefined,
      losses.length > 0 ? losses.join('; ') : undefined,
    );
  }
}

/**
 * `alter` when the only differences are columns ALTER TABLE can add (no key, a constant default,
 * NOT NULL only with a default) or drop (in no constraint, index or trigger), and indexes and
 * triggers of their own; `rebuild` for anything else.
 */
function tableChange(before: SnapshotTable, after: SnapshotTable, from: Snapshot): TableChange {
  const old = byName(before.columns);
  const next = byName(after.columns);
  const sameParts = JSON.stringify([before.kind, before.constraints, keyIndexes(before)]) === JSON.stringify([after.kind, after.constraints, keyIndexes(after)]);
  const columnsChanged = before.columns.some((column) => next.has(column.name) && JSON.stringify(next.get(column.name)) !== JSON.stringify(column));
  const added = after.columns.filter((column) => !old.has(column.name));
  const dropped = before.columns.filter((column) => !next.has(column.name));
  if (!sameParts || columnsChanged || !added.every(addable) || !dropped.every((column) => droppable(column, before, from))) return 'rebuild';
  const indexesOrTriggers = JSON.stringify([standalone(before.indexes), before.triggers]) !== JSON.stringify([standalone(after.indexes), after.triggers]);
  return added.length > 0 || dropped.length > 0 || indexesOrTriggers ? 'alter' : 'same';
}

function addable(column: SnapshotColumn): boolean {
  if (column.generated?.endsWith('stored')) return false;
  if (column.default !== null && !isConstantDefault(column.default)) return false;
  return column.nullable || (column.default !== null && column.default.toLowerCase() !== 'null');
}

/** A column SQLite's DROP COLUMN takes: named by no constraint, index, trigger or view of the table. */
function droppable(column: SnapshotColumn, table: SnapshotTable, from: Snapshot): boolean {
  const texts = [...table.constraints.map((constraint) => constraint.definition), ...table.indexes.map((index) => index.definition), ...table.triggers.map((trigger) => trigger.definition), ...table.columns.map((other) => other.generated ?? ''), ...from.views.map((view) => view.definition)];
  return !texts.some((text) => mentions(text, column.name));
}

/** A column as ALTER TABLE ADD COLUMN takes it: the same text as in CREATE TABLE. */
function columnText(table: SnapshotTable, column: SnapshotColumn): string {
  const created = createTable({ ...table, columns: [column], constraints: [], indexes: [] });
  return created.slice(created.indexOf('(\n  ') + 4, created.lastIndexOf('\n)'));
}

/** SQLite's type affinity of a declared type (section 3.1 of its datatype manual): a change of affinity may convert values. */
function affinity(type: string): string {
  const upper = type.toUpperCase();
  if (upper.includes('INT')) return 'INTEGER';
  if (/CHAR|CLOB|TEXT/.test(upper)) return 'TEXT';
  if (upper.includes('BLOB') || upper === '') return 'BLOB';
  if (/REAL|FLOA|DOUB/.test(upper)) return 'REAL';
  return 'NUMERIC';
}

function keyIndexes(table: SnapshotTable): SnapshotIndex[] {
  return table.indexes.filter((index) => index.constraint !== null);
}
