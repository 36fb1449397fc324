/**
 * The steps that take one PostgreSQL snapshot to another, in an order PostgreSQL accepts: what
 * depends on a changing object is dropped first (views, foreign keys, indexes), new objects are
 * made before what refers to them, and what is gone is dropped last. Every statement is written
 * from the target snapshot's own catalog text, so applying the steps reproduces it exactly (the
 * autogenerate command proves it on an engine before writing anything).
 */
import { columnDdl, commentTarget, constraintDdl, createTable, createView, isPartition, mentions, quoteIdent, quoteLiteral, quoteQualified, sequenceOptions, viewsInCreationOrder } from '../schema/ddl/postgresql.js';
import type { NamedDefinition, Snapshot, SnapshotColumn, SnapshotConstraint, SnapshotEnum, SnapshotIndex, SnapshotTable, SnapshotView } from '../schema/snapshot.js';
import { postgresqlCalls } from './postgresql-calls.js';
import { OWNED_BY, referencedTable, serialColumn, serialType, withSerialTypes } from './postgresql-objects.js';
import { recreatedViews } from './recreated-views.js';
import { byName, gone, removed, standalone, type SchemaPlan, type SchemaStep, type Unexpressed } from './schema-step.js';

/** Steps from `from` to `to`; both are read by the same reader, so equal objects have equal text. */
export function planPostgresql(from: Snapshot, to: Snapshot): SchemaPlan {
  return new PostgresqlPlanner(from, to).plan();
}

class PostgresqlPlanner {
  private readonly steps: SchemaStep[] = [];
  private readonly unexpressed: Unexpressed[] = [];
  private readonly oldTables: Map<string, SnapshotTable>;
  private readonly newTables: Map<string, SnapshotTable>;
  /** Defaults an earlier step already set, by `table.column`: the column's change starts from them. */
  private readonly settledDefaults = new Map<string, string | null>();
  /** Steps that must wait for the end (the old type of a recreated enum). */
  private readonly leftovers: SchemaStep[] = [];
  /** Enums that lose or reorder labels, which PostgreSQL cannot do in place: they are made anew. */
  private readonly recreatedEnums: ReadonlySet<string>;

  constructor(
    private readonly from: Snapshot,
    private readonly to: Snapshot,
  ) {
    this.oldTables = byName(from.tables);
    this.newTables = byName(to.tables);
    const next = byName(to.enums);
    this.recreatedEnums = new Set(
      from.enums
        .filter((before) => {
          const after = next.get(before.name);
          return after && after.values.filter((value) => before.values.includes(value)).join('\u0000') !== before.values.join('\u0000');
        })
        .map((before) => before.name),
    );
  }

  plan(): SchemaPlan {
    const views = this.viewChanges();
    // Views go first: PostgreSQL changes no column a view reads, and an enum's columns change when it is recreated.
    for (const view of [...views.drop].reverse()) this.step(`drop ${viewKind(view)} ${view.name}`, [`DROP ${viewKind(view).toUpperCase()} ${quoteQualified(view.name)}`], postgresqlCalls.dropView(view));
    this.createNamed(this.from.schemas, this.to.schemas, (name) => this.step(`create schema ${name}`, [`CREATE SCHEMA ${quoteIdent(name)}`]));
    this.extensions();
    this.enums();
    this.added(this.from.domains, this.to.domains, ({ name, definition }) => this.step(`create domain ${name}`, [`CREATE DOMAIN ${quoteQualified(name)} ${definition}`]));
    this.changed(this.from.domains, this.to.domains, (before) => this.unexpressed.push({ object: `domain ${before.name}`, reason: 'its definition changed' }));
    this.newSequences();
    this.functions();
    const kept = this.from.tables.filter((table) => this.newTables.has(table.name));
    for (const table of kept) this.dropTableParts(table, this.newTables.get(table.name)!);
    this.dropTables();
    for (const table of kept) this.dropColumns(table, this.newTables.get(table.name)!);
    const laterForeignKeys = this.createTables();
    for (const table of kept) this.changeColumns(table, this.newTables.get(table.name)!);
    for (const table of kept) this.addTableParts(table, this.newTables.get(table.name)!);
    for (const [table, constraint] of laterForeignKeys) this.addConstraint(table, constraint);
    for (const table of kept) this.addForeignKeys(table, this.newTables.get(table.name)!);
    for (const view of views.create) this.step(`create ${viewKind(view)} ${view.name}`, [createView(view).replace(/;$/, '')], postgresqlCalls.createView(view));
    this.triggers();
    this.comments(views.create);
    this.sequenceOwners();
    this.dropLeftovers();
    return { steps: this.steps, unexpressed: this.unexpressed };
  }

  private step(summary: string, sql: string[], call?: string[], losesData?: string): void {
    this.steps.push({ summary, sql, ...(call && { call }), ...(losesData && { losesData }) });
  }

  // ------------------------------------------------------------------------------ named objects

  private createNamed(before: readonly string[], after: readonly string[], create: (name: string) => void): void {
    const old = new Set(before);
    for (const name of after) if (!old.has(name)) create(name);
  }

  private added<T extends { name: string }>(before: readonly T[], after: readonly T[], create: (item: T) => void): void {
    const old = byName(before);
    for (const item of after) if (!old.has(item.name)) create(item);
  }

  private changed<T extends { name: string }>(before: readonly T[], after: readonly T[], change: (before: T, after: T) => void): void {
    const next = byName(after);
    for (const item of before) {
      const other = next.get(item.name);
      if (other && JSON.stringify(other) !== JSON.stringify(item)) change(item, other);
    }
  }

  private extensions(): void {
    this.added(this.from.extensions, this.to.extensions, ({ name, definition }) => this.step(`create extension ${name}`, [`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)} VERSION ${quoteLiteral(definition)}`]));
    this.changed(this.from.extensions, this.to.extensions, (_, { name, definition }) => this.step(`update extension ${name}`, [`ALTER EXTENSION ${quoteIdent(name)} UPDATE TO ${quoteLiteral(definition)}`]));
  }

  /** New enums; labels added to an enum go in at their place (ADD VALUE ... BEFORE/AFTER); an enum that loses or reorders labels is made anew. */
  private enums(): void {
    this.added(this.from.enums, this.to.enums, ({ name, values }) => this.step(`create enum ${name}`, [`CREATE TYPE ${quoteQualified(name)} AS ENUM (${values.map(quoteLiteral).join(', ')})`]));
    this.changed(this.from.enums, this.to.enums, (before, after) => {
      if (this.recreatedEnums.has(before.name)) return this.recreateEnum(before, after);
      const statements = after.values.flatMap((value, index) => {
        if (before.values.includes(value)) return [];
        const place = index === 0 ? `BEFORE ${quoteLiteral(after.values[1]!)}` : `AFTER ${quoteLiteral(after.values[index - 1]!)}`;
        return [`ALTER TYPE ${quoteQualified(after.name)} ADD VALUE ${quoteLiteral(value)} ${place}`];
      });
      this.step(`add labels to enum ${after.name}`, statements);
    });
  }

  /**
   * The type under a new name, the new one made, each column kept with it cast through text
   * (its default dropped first and set again after), and the old type dropped at the end, once
   * the tables and columns that go have gone with it.
   */
  private recreateEnum(before: SnapshotEnum, after: SnapshotEnum): void {
    const old = `${after.name}_old`;
    const statements = [`ALTER TYPE ${quoteQualified(after.name)} RENAME TO ${quoteIdent(old.slice(old.indexOf('.') + 1))}`, `CREATE TYPE ${quoteQualified(after.name)} AS ENUM (${after.values.map(quoteLiteral).join(', ')})`];
    for (const [table, column, target] of this.enumColumns(after.name)) {
      const alter = `ALTER TABLE ${quoteQualified(table.name)} ALTER COLUMN ${quoteIdent(column.name)}`;
      if (column.default !== null) statements.push(`${alter} DROP DEFAULT`);
      statements.push(`${alter} TYPE ${quoteQualified(after.name)} USING ${quoteIdent(column.name)}::text::${quoteQualified(after.name)}`);
      if (target.default !== null) statements.push(`${alter} SET DEFAULT ${target.default}`);
      this.settledDefaults.set(`${table.name}.${column.name}`, target.default);
    }
    const removed = before.values.filter((value) => !after.values.includes(value));
    this.step(`recreate enum ${after.name}`, statements, undefined, removed.length > 0 ? `enum ${after.name} loses ${removed.map(quoteLiteral).join(', ')}: the cast fails on rows that hold them` : undefined);
    this.leftovers.push({ summary: `drop enum ${old}`, sql: [`DROP TYPE ${quoteQualified(old)}`] });
  }

  /** Columns of the enum type in both snapshots, with their state in the target. */
  private enumColumns(name: string): [SnapshotTable, SnapshotColumn, SnapshotColumn][] {
    return this.from.tables.flatMap((table) => {
      const next = byName(this.newTables.get(table.name)?.columns ?? []);
      return table.columns.filter((column) => column.type === name && next.get(column.name)?.type === name).map((column): [SnapshotTable, SnapshotColumn, SnapshotColumn] => [table, column, next.get(column.name)!]);
    });
  }

  // ------------------------------------------------------------------------------------ sequences

  /** Sequences a serial column makes itself are left to the column; the rest are created, owners set at the end. */
  private newSequences(): void {
    this.added(this.from.sequences, this.to.sequences, (sequence) => {
      if (this.serialOwner(sequence, this.to)) return;
      this.step(`create sequence ${sequence.name}`, [`CREATE SEQUENCE ${quoteQualified(sequence.name)} ${sequenceOptions(sequence.definition)}`]);
    });
    this.changed(this.from.sequences, this.to.sequences, (_, after) => this.step(`alter sequence ${after.name}`, [`ALTER SEQUENCE ${quoteQualified(after.name)} ${sequenceOptions(after.definition)}`]));
  }

  private sequenceOwners(): void {
    const old = byName(this.from.sequences);
    for (const sequence of this.to.sequences) {
      if (this.serialOwner(sequence, this.to)) continue;
      const owner = ownerOf(sequence);
      if (owner === ownerOf(old.get(sequence.name)) || owner === undefined) continue;
      const dot = owner.lastIndexOf('.');
      this.step(`set the owner of sequence ${sequence.name}`, [`ALTER SEQUENCE ${quoteQualified(sequence.name)} OWNED BY ${quoteQualified(owner.slice(0, dot))}.${quoteIdent(owner.slice(dot + 1))}`]);
    }
  }

  /** The column whose `serial` type made this sequence (default options, the name PostgreSQL gives), if one did. */
  private serialOwner(sequence: NamedDefinition, snapshot: Snapshot): SnapshotColumn | undefined {
    const owner = ownerOf(sequence);
    if (!owner) return undefined;
    const dot = owner.lastIndexOf('.');
    const table = snapshot.tables.find((candidate) => candidate.name === owner.slice(0, dot));
    const column = table?.columns.find((candidate) => candidate.name === owner.slice(dot + 1));
    return column && serialType(column, table!, snapshot.sequences) ? column : undefined;
  }

  // ------------------------------------------------------------------------------------ functions

  /** Functions before tables (defaults and checks may call them); bodies are checked when called, as pg_dump leaves them. */
  private functions(): void {
    const changes: string[] = [];
    this.added(this.from.functions, this.to.functions, ({ definition }) => changes.push(definition.trimEnd()));
    this.changed(this.from.functions, this.to.functions, (_, { definition }) => changes.push(definition.trimEnd()));
    if (changes.length > 0) this.step('create or replace functions', ['SET LOCAL check_function_bodies = false', ...changes]);
  }

  // ---------------------------------------------------------------------------------------- views

  /**
   * Views to drop before the tables change and to create after: those removed or changed, and
   * those that read a table whose columns change or a view that is recreated (PostgreSQL
   * refuses to change a column a view uses).
   */
  private viewChanges(): { drop: SnapshotView[]; create: SnapshotView[] } {
    const oldViews = byName(this.from.views);
    const columns = this.changingColumns();
    const readsChangingColumn = (view: SnapshotView) => [...columns].some(([table, names]) => mentions(view.definition, table) && names.some((name) => mentions(view.definition, name)));
    const recreated = recreatedViews(this.from.views, this.to.views, (view, others) => readsChangingColumn(view) || [...others].some((name) => mentions(view.definition, name)));
    const drop = viewsInCreationOrder(this.from.views.filter((view) => recreated.has(view.name)));
    const create = viewsInCreationOrder(this.to.views.filter((view) => !oldViews.has(view.name) || recreated.has(view.name)));
    return { drop, create };
  }

  /** Per table, the columns dropped or changed in type, collation or expression (every column of a dropped table). */
  private changingColumns(): Map<string, string[]> {
    const changing = new Map<string, string[]>();
    for (const table of this.from.tables) {
      const next = byName(this.newTables.get(table.name)?.columns ?? []);
      const names = table.columns.filter((column) => {
        const other = next.get(column.name);
        return !other || other.type !== column.type || other.collation !== column.collation || other.generated !== column.generated || this.recreatedEnums.has(column.type);
      });
      if (names.length > 0) changing.set(table.name, names.map((column) => column.name));
    }
    return changing;
  }

  // --------------------------------------------------------------------------------------- tables

  /** Triggers, foreign keys, other constraints and indexes that go or change, before columns change. */
  private dropTableParts(before: SnapshotTable, after: SnapshotTable): void {
    const name = quoteQualified(before.name);
    for (const trigger of gone(before.triggers, after.triggers)) this.step(`drop trigger ${trigger.name} on ${before.name}`, [`DROP TRIGGER ${quoteIdent(trigger.name)} ON ${name}`]);
    const constraints = gone(before.constraints, after.constraints);
    const ordered = [...constraints.filter(isForeignKey), ...constraints.filter((constraint) => !isForeignKey(constraint))];
    for (const constraint of ordered) this.step(`drop constraint ${constraint.name} on ${before.name}`, [`ALTER TABLE ${name} DROP CONSTRAINT ${quoteIdent(constraint.name)}`], postgresqlCalls.dropConstraint(before, constraint));
    for (const index of gone(standalone(before.indexes), standalone(after.indexes))) {
      const name = quoteQualified(qualifiedIndexName(before.name, index.name));
      this.steps.push({ summary: `drop index ${index.name} on ${before.name}`, sql: [`DROP INDEX ${name}`], outside: [`DROP INDEX CONCURRENTLY ${name}`] });
    }
  }

  /** Tables referenced by others go after them; foreign keys inside a cycle are dropped first. */
  private dropTables(): void {
    const dropped = this.from.tables.filter((table) => !this.newTables.has(table.name));
    const { order, cycleKeys } = dependencyOrder(dropped);
    for (const [table, constraint] of cycleKeys) this.step(`drop constraint ${constraint.name} on ${table.name}`, [`ALTER TABLE ${quoteQualified(table.name)} DROP CONSTRAINT ${quoteIdent(constraint.name)}`]);
    for (const table of order.reverse()) {
      this.step(`drop table ${table.name}`, [`DROP TABLE ${quoteQualified(table.name)}`], postgresqlCalls.dropTable(table), `drops table ${table.name} and its rows`);
    }
  }

  private dropColumns(before: SnapshotTable, after: SnapshotTable): void {
    const next = byName(after.columns);
    for (const column of before.columns) {
      if (next.has(column.name)) continue;
      this.step(`drop column ${before.name}.${column.name}`, [`ALTER TABLE ${quoteQualified(before.name)} DROP COLUMN ${quoteIdent(column.name)}`], postgresqlCalls.dropColumn(before, column), `drops column ${before.name}.${column.name} and its values`);
    }
  }

  /** New tables in foreign key order; a foreign key to a table not made yet is returned to add at the end. */
  private createTables(): [SnapshotTable, SnapshotConstraint][] {
    const added = this.to.tables.filter((table) => !this.oldTables.has(table.name));
    const { order } = dependencyOrder(added);
    const later: [SnapshotTable, SnapshotConstraint][] = [];
    const ready = new Set(this.from.tables.filter((table) => this.newTables.has(table.name)).map((table) => table.name));
    for (const table of [...order.filter((table) => !isPartition(table)), ...order.filter(isPartition)]) {
      const foreignKeys = table.constraints.filter((constraint) => !isInlineConstraint(constraint));
      const inline = foreignKeys.filter((constraint) => isForeignKey(constraint) && !isPartition(table) && [...ready, table.name].includes(referencedTable(constraint)));
      later.push(...foreignKeys.filter((constraint) => !inline.includes(constraint)).map((constraint): [SnapshotTable, SnapshotConstraint] => [table, constraint]));
      const sql = [createTable(withSerialTypes(table, this.to.sequences)).replace(/;$/, ''), ...inline.map((constraint) => `ALTER TABLE ${quoteQualified(table.name)} ADD ${constraintDdl(constraint)}`)];
      const indexes = standalone(table.indexes).map((index) => readableIndex(index.definition));
      const call = postgresqlCalls.createTable(table, inline, this.to);
      this.step(`create table ${table.name}`, [...sql, ...indexes], call && [...call, ...(indexes.length > 0 ? postgresqlCalls.indexes(table, standalone(table.indexes)) ?? indexes.map(execute) : [])]);
      ready.add(table.name);
    }
    return later;
  }

  private changeColumns(before: SnapshotTable, after: SnapshotTable): void {
    const old = byName(before.columns);
    const name = quoteQualified(after.name);
    for (const column of after.columns) {
      const settled = this.settledDefaults.get(`${after.name}.${column.name}`);
      const found = old.get(column.name);
      const previous = found && settled !== undefined ? { ...found, default: settled } : found;
      if (!previous) {
        this.step(`add column ${after.name}.${column.name}`, [`ALTER TABLE ${name} ADD COLUMN ${columnDdl(serialColumn(column, after, this.to.sequences))}`], postgresqlCalls.addColumn(after, column, this.to));
        continue;
      }
      if (previous.generated !== column.generated) this.unexpressed.push({ object: `column ${after.name}.${column.name}`, reason: `generated expression changed (${previous.generated ?? 'none'} -> ${column.generated ?? 'none'})` });
      const statements = alterColumn(previous, column).map((change) => `ALTER TABLE ${name} ${change}`);
      if (statements.length === 0) continue;
      const narrows = previous.type !== column.type && !widens(previous.type, column.type);
      this.step(`alter column ${after.name}.${column.name}`, statements, postgresqlCalls.alterColumn(after, previous, column, this.to), narrows ? `casts ${after.name}.${column.name} from ${previous.type} to ${column.type}; values that do not fit are lost or refused` : undefined);
    }
    if (before.kind !== after.kind) this.unexpressed.push({ object: `table ${after.name}`, reason: `kind changed (${before.kind} -> ${after.kind})` });
  }

  /**
   * Constraints (but foreign keys, added last) and indexes that are new or changed. An index on a
   * table in use is built CONCURRENTLY where the revision can run it outside its transaction,
   * so that writes go on while it builds (sqlgen lint requires it).
   */
  private addTableParts(before: SnapshotTable, after: SnapshotTable): void {
    for (const constraint of gone(after.constraints, before.constraints).filter((constraint) => !isForeignKey(constraint))) this.addConstraint(after, constraint);
    for (const index of gone(standalone(after.indexes), standalone(before.indexes))) {
      const definition = readableIndex(index.definition);
      const concurrent = after.kind === 'table' ? [definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY ')] : undefined;
      this.steps.push({ summary: `create index ${index.name} on ${after.name}`, sql: [definition], ...(concurrent && { outside: concurrent }) });
    }
  }

  private addForeignKeys(before: SnapshotTable, after: SnapshotTable): void {
    for (const constraint of gone(after.constraints, before.constraints).filter(isForeignKey)) this.addConstraint(after, constraint);
  }

  private addConstraint(table: SnapshotTable, constraint: SnapshotConstraint): void {
    this.step(`add constraint ${constraint.name} on ${table.name}`, [`ALTER TABLE ${quoteQualified(table.name)} ADD ${constraintDdl(constraint)}`], postgresqlCalls.addConstraint(table, constraint));
  }

  // -------------------------------------------------------------------------- triggers, comments

  private triggers(): void {
    for (const table of this.to.tables) {
      const before = this.oldTables.get(table.name);
      for (const trigger of gone(table.triggers, before?.triggers ?? [])) this.step(`create trigger ${trigger.name} on ${table.name}`, [trigger.definition]);
    }
  }

  /** Comments that are new, changed or removed, on tables, columns, views and other objects. */
  private comments(recreatedViews: readonly SnapshotView[]): void {
    const statements: string[] = [];
    const set = (target: string, before: string | null | undefined, after: string | null) => {
      if ((before ?? null) !== after) statements.push(`COMMENT ON ${target} IS ${after === null ? 'NULL' : quoteLiteral(after)}`);
    };
    for (const table of this.to.tables) {
      const before = this.oldTables.get(table.name);
      const name = quoteQualified(table.name);
      set(`TABLE ${name}`, before?.comment, table.comment);
      const columns = byName(before?.columns ?? []);
      for (const column of table.columns) set(`COLUMN ${name}.${quoteIdent(column.name)}`, columns.get(column.name)?.comment, column.comment);
    }
    const oldViews = byName(this.from.views);
    for (const view of this.to.views) set(`${viewKind(view).toUpperCase()} ${quoteQualified(view.name)}`, recreatedViews.includes(view) ? null : oldViews.get(view.name)?.comment, view.comment);
    const oldComments = byName(this.from.comments);
    for (const comment of this.to.comments) set(commentTarget(comment.name), oldComments.get(comment.name)?.definition, comment.definition);
    // A dropped object takes its comment with it; one still there has it removed.
    const objects = commentableObjects(this.to);
    for (const comment of removed(this.from.comments, this.to.comments)) if (objects.has(comment.name)) set(commentTarget(comment.name), comment.definition, null);
    if (statements.length > 0) this.step('set comments', statements);
  }

  // -------------------------------------------------------------------------------------- drops

  /** What is gone and nothing else took with it: functions, sequences, domains, enums, extensions, schemas. */
  private dropLeftovers(): void {
    this.steps.push(...this.leftovers);
    for (const { name } of removed(this.from.functions, this.to.functions)) this.step(`drop function ${name}`, [`DROP FUNCTION ${functionSignature(name)}`]);
    for (const sequence of removed(this.from.sequences, this.to.sequences)) {
      if (this.ownerGoes(sequence)) continue;
      this.step(`drop sequence ${sequence.name}`, [`DROP SEQUENCE ${quoteQualified(sequence.name)}`]);
    }
    for (const { name } of removed(this.from.domains, this.to.domains)) this.step(`drop domain ${name}`, [`DROP DOMAIN ${quoteQualified(name)}`]);
    for (const { name } of removed(this.from.enums, this.to.enums)) this.step(`drop enum ${name}`, [`DROP TYPE ${quoteQualified(name)}`]);
    for (const { name } of removed(this.from.extensions, this.to.extensions)) this.step(`drop extension ${name}`, [`DROP EXTENSION ${quoteIdent(name)}`]);
    const remaining = new Set(this.to.schemas);
    for (const name of this.from.schemas) if (!remaining.has(name)) this.step(`drop schema ${name}`, [`DROP SCHEMA ${quoteIdent(name)}`]);
  }

  /** A sequence owned by a dropped table or column is dropped with it. */
  private ownerGoes(sequence: NamedDefinition): boolean {
    const owner = ownerOf(sequence);
    if (!owner) return false;
    const dot = owner.lastIndexOf('.');
    const table = this.newTables.get(owner.slice(0, dot));
    return !table?.columns.some((column) => column.name === owner.slice(dot + 1));
  }
}

// ------------------------------------------------------------------------------------- helpers

/**
 * The objects of a snapshot that a comment of `comments` can be on, named as those comments name
 * them: schemas, types (enums, domains, and any a column has), sequences, indexes, routines.
 */
function commentableObjects(snapshot: Snapshot): Set<string> {
  return new Set([
    ...snapshot.schemas.map((name) => `schema ${name}`),
    ...[...snapshot.enums, ...snapshot.domains].map(({ name }) => `type ${name}`),
    ...snapshot.tables.flatMap((table) => table.columns.map((column) => `type ${column.type}`)),
    ...snapshot.sequences.map(({ name }) => `sequence ${name}`),
    ...snapshot.tables.flatMap((table) => table.indexes.map((index) => `index ${qualifiedIndexName(table.name, index.name)}`)),
    ...snapshot.functions.flatMap(({ name }) => [`function ${name}`, `procedure ${name}`]),
  ]);
}

function viewKind(view: SnapshotView): string {
  return view.materialized ? 'materialized view' : 'view';
}

function ownerOf(sequence: NamedDefinition | undefined): string | undefined {
  const at = sequence?.definition.indexOf(OWNED_BY) ?? -1;
  return at < 0 ? undefined : sequence!.definition.slice(at + OWNED_BY.length);
}

function isForeignKey(constraint: SnapshotConstraint): boolean {
  return constraint.definition.startsWith('FOREIGN KEY');
}

/** As the DDL writer puts them in CREATE TABLE: all but foreign keys and NOT VALID constraints. */
function isInlineConstraint(constraint: SnapshotConstraint): boolean {
  return !isForeignKey(constraint) && !constraint.definition.endsWith(' NOT VALID');
}

/** Tables in an order where each comes after those it references; foreign keys that close a cycle are listed apart. */
function dependencyOrder(tables: readonly SnapshotTable[]): { order: SnapshotTable[]; cycleKeys: [SnapshotTable, SnapshotConstraint][] } {
  const names = new Set(tables.map((table) => table.name));
  const order: SnapshotTable[] = [];
  const cycleKeys: [SnapshotTable, SnapshotConstraint][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const byTable = byName(tables);
  const visit = (table: SnapshotTable): void => {
    state.set(table.name, 'visiting');
    for (const constraint of table.constraints.filter(isForeignKey)) {
      const target = referencedTable(constraint);
      if (!names.has(target) || target === table.name) continue;
      if (state.get(target) === 'visiting') cycleKeys.push([table, constraint]);
      else if (!state.has(target)) visit(byTable.get(target)!);
    }
    state.set(table.name, 'done');
    order.push(table);
  };
  for (const table of tables) if (!state.has(table.name)) visit(table);
  return { order, cycleKeys };
}

/** The clauses that take a column from `before` to `after`, default dropped before a type change and set after it. */
function alterColumn(before: SnapshotColumn, after: SnapshotColumn): string[] {
  const column = `ALTER COLUMN ${quoteIdent(after.name)}`;
  const changes: string[] = [];
  const typeChanges = before.type !== after.type || before.collation !== after.collation;
  if (before.identity !== null && before.identity !== after.identity) changes.push(`${column} DROP IDENTITY`);
  if (before.default !== null && (before.default !== after.default || typeChanges)) changes.push(`${column} DROP DEFAULT`);
  if (typeChanges) {
    const collation = after.collation === null ? '' : ` COLLATE ${quoteIdent(after.collation)}`;
    changes.push(`${column} TYPE ${after.type}${collation} USING ${quoteIdent(after.name)}::${after.type}`);
  }
  if (after.default !== null && (before.default !== after.default || typeChanges)) changes.push(`${column} SET DEFAULT ${after.default}`);
  if (before.nullable !== after.nullable) changes.push(`${column} ${after.nullable ? 'DROP' : 'SET'} NOT NULL`);
  if (after.identity !== null && before.identity !== after.identity) changes.push(`${column} ADD GENERATED ${after.identity.toUpperCase()} AS IDENTITY`);
  return changes;
}

/** Integer widths in order: a cast to a later one keeps every value. */
const INTEGERS = ['smallint', 'integer', 'bigint'];

/** Whether every value of type `before` fits `after` unchanged: longer varchar, text, a wider integer or numeric. */
function widens(before: string, after: string): boolean {
  if (INTEGERS.includes(before) && INTEGERS.includes(after)) return INTEGERS.indexOf(after) >= INTEGERS.indexOf(before);
  const varchar = /^character varying\((\d+)\)$/;
  const [from, to] = [varchar.exec(before), varchar.exec(after)];
  if (from && (after === 'text' || after === 'character varying')) return true;
  if (from && to) return Number(to[1]) >= Number(from[1]);
  const numeric = /^numeric\((\d+),(\d+)\)$/;
  const [p, q] = [numeric.exec(before), numeric.exec(after)];
  if (p && after === 'numeric') return true;
  return Boolean(p && q && q[2] === p[2] && Number(q[1]) >= Number(p[1]));
}

/**
 * An index as a person writes it: the catalog's `ON public.t USING btree (a)` without the
 * default schema and method, and a partitioned table's `ON ONLY` left out so partitions get it too.
 */
function readableIndex(definition: string): string {
  return definition.replace(/ ON (?:ONLY )?/, ' ON ').replace(' ON public.', ' ON ').replace(/ USING btree \(/, ' (');
}

/** An index lives in its table's schema: `audit.events` + `events_at_idx` → `audit.events_at_idx`. */
function qualifiedIndexName(table: string, index: string): string {
  const dot = table.indexOf('.');
  return dot < 0 ? index : `${table.slice(0, dot)}.${index}`;
}

/** `audit.f(x integer)` → `audit.f(x integer)` with the name quoted as needed. */
function functionSignature(name: string): string {
  const parenthesis = name.indexOf('(');
  return `${quoteQualified(name.slice(0, parenthesis))}${name.slice(parenthesis)}`;
}

function execute(sql: string): string {
  return `op.execute(${JSON.stringify(sql)});`;
}
