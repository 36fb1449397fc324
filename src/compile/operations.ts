import type { Knex } from 'knex';
import { CompileError } from '../errors.js';
import type { Dialect } from '../dialects/dialect.js';
import type { Operations, RawBindings, ViewDefinition, Where } from '../revisions/types.js';
import { countStatements, inlineBindings } from './inline-bindings.js';
import { takeNativeAlterations, type NativeAlteration } from './native-alterations.js';
import { compileQuery, offlineKnex } from './offline-knex.js';
import { prepareTableBuilder, prepareViewBuilder } from './prepare-table-builder.js';
import type { RecordedStep } from './shadow-tracker.js';
import { rebuildPlanFor, type KnexSqliteDdl, type RebuildPlan } from './sqlite-alterations.js';
import type { KnexSqliteClient, TableRebuild } from './sqlite-rebuild.js';
import type { Statement, StatementSource } from './statement.js';

/** Where in the revision file the op being recorded was called, when tracing. */
export type CallSite = () => StatementSource | undefined;

/** What knex's toSQL() yields per statement; `output`/`statementsProducer` mark live-database steps. */
interface KnexEntry {
  sql: string;
  bindings?: readonly unknown[];
  output?: LiveStep;
  statementsProducer?: LiveStep;
}
type LiveStep = (this: unknown, pragma?: unknown, connection?: unknown) => Promise<{ sql?: string[] } | undefined>;

type Expected = { min: number; max?: number };
const ONE: Expected = { min: 1, max: 1 };
const SOME: Expected = { min: 1 };

/** A table or view name, split where knex would quote it as `schema.name`. */
interface QualifiedName {
  schema?: string;
  name: string;
}

/**
 * The {@link Operations} handed to a revision, recording what it asks for as steps.
 * Every knex builder is compiled with toSQL() at once, checked, and kept with its bindings
 * rendered as literals. SQLite alterations that need the live table become table rebuilds,
 * derived later from the shadow schema (see shadow-tracker.ts).
 */
export function recordOperations(dialect: Dialect, callSite?: CallSite): { operations: Operations; steps: RecordedStep[] } {
  const recorder = new Recorder(dialect, callSite);
  return { operations: recorder.operations(), steps: recorder.steps };
}

class Recorder {
  readonly steps: RecordedStep[] = [];
  private readonly knex: Knex;
  private transactional = true;

  constructor(
    private readonly dialect: Dialect,
    private readonly callSite?: CallSite,
  ) {
    this.knex = offlineKnex(dialect);
  }

  /** The operations, with names resolved in `defaultSchema` unless they name their own schema. */
  operations(defaultSchema?: string): Operations {
    const { knex, dialect } = this;
    const qualify = (name: string): QualifiedName => qualifiedName(name, defaultSchema);
    const schema = (name: QualifiedName) => this.schemaFor(name);
    const ddl = (operation: string, build: () => Knex.SchemaBuilder, expected: Expected = ONE) => this.schemaSteps(operation, build, expected);
    const view = (method: ViewMethod) => (name: string, definition: ViewDefinition) => {
      const target = qualify(name);
      ddl(`${method} ${name}`, () => schema(target)[method](target.name, (builder) => this.defineView(builder, definition)), SOME);
    };
    return {
      dialect: dialect.id,
      fn: knex.fn,
      raw: (sql, bindings) => this.raw(sql, bindings),
      withSchema: (name) => this.operations(name),
      createTable: (name, build) => this.createTable('createTable', qualify(name), build),
      createTableIfNotExists: (name, build) => this.createTable('createTableIfNotExists', qualify(name), build),
      createTableLike: (name, like, build) => {
        const target = qualify(name);
        const source = qualify(like);
        const sourceName = source.schema === target.schema ? source.name : qualifiedText(source);
        ddl(`createTableLike ${name}`, () => schema(target).createTableLike(target.name, sourceName, build && this.tableBuilder(`createTableLike ${name}`, build)), SOME);
      },
      alterTable: (name, build) => this.alterTable(qualify(name), name, build),
      dropTable: (name) => ddl(`dropTable ${name}`, () => schema(qualify(name)).dropTable(qualify(name).name)),
      dropTableIfExists: (name) => ddl(`dropTableIfExists ${name}`, () => schema(qualify(name)).dropTableIfExists(qualify(name).name)),
      // knex types renameTable as a promise; it is a builder like the others.
      renameTable: (from, to) => ddl(`renameTable ${from}`, () => schema(qualify(from)).renameTable(qualify(from).name, this.renameTarget(qualify(from), to)) as unknown as Knex.SchemaBuilder),
      createView: view('createView'),
      createViewOrReplace: view('createViewOrReplace'),
      createMaterializedView: view('createMaterializedView'),
      alterView: (name, build) => {
        const target = qualify(name);
        ddl(`alterView ${name}`, () => schema(target).alterView(target.name, (builder) => prepareViewBuilder(builder, build, dialect)), SOME);
      },
      // knex drops the schema of these two (withSchema is ignored), so the name goes in qualified.
      renameView: (from, to) => ddl(`renameView ${from}`, () => knex.schema.renameView(qualifiedText(qualify(from)), this.renameTarget(qualify(from), to))),
      refreshMaterializedView: (name, concurrently = false) => ddl(`refreshMaterializedView ${name}`, () => knex.schema.refreshMaterializedView(qualifiedText(qualify(name)), concurrently)),
      dropView: (name) => ddl(`dropView ${name}`, () => schema(qualify(name)).dropView(qualify(name).name)),
      dropViewIfExists: (name) => ddl(`dropViewIfExists ${name}`, () => schema(qualify(name)).dropViewIfExists(qualify(name).name)),
      dropMaterializedView: (name) => ddl(`dropMaterializedView ${name}`, () => schema(qualify(name)).dropMaterializedView(qualify(name).name)),
      createSchema: (name) => ddl(`createSchema ${name}`, () => knex.schema.createSchema(name)),
      createSchemaIfNotExists: (name) => ddl(`createSchemaIfNotExists ${name}`, () => knex.schema.createSchemaIfNotExists(name)),
      dropSchema: (name) => ddl(`dropSchema ${name}`, () => knex.schema.dropSchema(name)),
      dropSchemaIfExists: (name) => ddl(`dropSchemaIfExists ${name}`, () => knex.schema.dropSchemaIfExists(name)),
      createExtension: (name) => this.extension('createExtension', name),
      createExtensionIfNotExists: (name) => this.extension('createExtensionIfNotExists', name),
      dropExtension: (name) => this.extension('dropExtension', name),
      dropExtensionIfExists: (name) => this.extension('dropExtensionIfExists', name),
      hasTable: (name) => refuseLiveQuery(`hasTable ${name}`),
      hasColumn: (table, column) => refuseLiveQuery(`hasColumn ${table}.${column}`),
      insert: (table, rows) => {
        if (Array.isArray(rows) && rows.length === 0) return;
        this.dataStep(`insert ${table}`, this.query(qualify(table)).insert(rows));
      },
      update: (table, values, where) => this.dataStep(`update ${table}`, whereClause(this.query(qualify(table)), where).update(values)),
      delete: (table, where) => this.dataStep(`delete ${table}`, whereClause(this.query(qualify(table)), where).delete()),
      query: (table) => (table === undefined ? knex.queryBuilder() : this.query(qualify(table))),
      execute: (sql) => this.execute(sql),
      outsideTransaction: (build) => this.outsideTransaction(build),
    };
  }

  /** A schema builder in `name`'s schema, if it names one. */
  private schemaFor(name: QualifiedName): Knex.SchemaBuilder {
    return name.schema === undefined ? this.knex.schema : this.knex.schema.withSchema(name.schema);
  }

  private query(name: QualifiedName): Knex.QueryBuilder {
    return name.schema === undefined ? this.knex(name.name) : this.knex(name.name).withSchema(name.schema);
  }

  private raw(sql: string, bindings?: RawBindings): Knex.Raw {
    return bindings === undefined ? this.knex.raw(sql) : this.knex.raw(sql, bindings as Knex.RawBinding[]);
  }

  private createTable(method: 'createTable' | 'createTableIfNotExists', name: QualifiedName, build: TableCallback<Knex.CreateTableBuilder>): void {
    const operation = `${method} ${qualifiedText(name)}`;
    const builder = this.schemaFor(name);
    this.schemaSteps(operation, () => builder[method](name.name, this.tableBuilder(operation, build)), SOME);
  }

  private alterTable(name: QualifiedName, written: string, build: TableCallback<Knex.AlterTableBuilder>): void {
    const operation = `alterTable ${written}`;
    const natives: NativeAlteration[] = [];
    const builder = this.schemaFor(name);
    const entries = this.compiled(operation, () => builder.alterTable(name.name, this.tableBuilder(operation, build, { table: qualifiedText(name), natives })));
    const source = this.callSite?.();
    for (const native of natives) {
      const statements = native.sql.map((sql) => this.checkedStatement({ sql }, { operation, kind: 'schema', source }));
      if (native.rebuild && this.dialect.rebuildsTables) this.steps.push(this.tableRebuild(operation, qualifiedText(name), this.planned(qualifiedText(name), native.rebuild), statements));
      else this.steps.push(...statements);
    }
    this.add(operation, 'schema', entries, { min: 0 }, qualifiedText(name), source);
  }

  /** Runs the revision's callback as knex does (builder as `this` and as argument), then fixes the builder. */
  private tableBuilder<T extends Knex.TableBuilder>(operation: string, build: TableCallback<T>, natives?: { table: string; natives: NativeAlteration[] }) {
    return (builder: T) => {
      build.call(builder, builder);
      prepareTableBuilder(builder, this.dialect, operation);
      if (natives) natives.natives.push(...takeNativeAlterations(builder, natives.table, this.dialect));
    };
  }

  private defineView(builder: Knex.ViewBuilder, definition: ViewDefinition): void {
    if (typeof definition === 'function') definition.call(builder, builder);
    else builder.as((typeof definition === 'string' ? this.knex.raw(definition) : definition) as Knex.QueryBuilder);
  }

  /** knex writes MySQL's RENAME TABLE target as given, which moves a qualified table to the default database. */
  private renameTarget(from: QualifiedName, to: string): string {
    return this.dialect.renameTargetQualified && from.schema !== undefined && !to.includes('.') ? `${from.schema}.${to}` : to;
  }

  private extension(method: 'createExtension' | 'createExtensionIfNotExists' | 'dropExtension' | 'dropExtensionIfExists', name: string): void {
    if (!this.dialect.extensions) {
      throw new CompileError('UNSUPPORTED_OPERATION', `${method} ${name}: ${this.dialect.id} has no extensions (CREATE EXTENSION is PostgreSQL's)`, 'branch on op.dialect and call it for postgresql only');
    }
    // knex has these at run time but not in its types.
    const schema = this.knex.schema as unknown as Record<typeof method, (extension: string) => Knex.SchemaBuilder>;
    this.schemaSteps(`${method} ${name}`, () => schema[method](name), ONE);
  }

  /** `op.execute(text)` is verbatim; `op.execute(op.raw(sql, bindings))` gets its values inlined as literals. */
  private execute(sql: string | Knex.Raw): void {
    const source = this.callSite?.();
    const text = typeof sql === 'string' ? sql : this.inlinedRaw(sql);
    this.steps.push({ sql: text, literals: [], origin: 'raw', kind: 'schema', transactional: this.transactional, operation: 'execute', ...(source && { source }) });
  }

  private inlinedRaw(raw: Knex.Raw): string {
    const { sql, bindings } = raw.toSQL();
    return inlineBindings(sql, bindings, { renderLiteral: this.dialect.renderLiteral, syntax: this.dialect.lexicalSyntax });
  }

  private outsideTransaction(build: () => void): void {
    if (!this.transactional) throw new CompileError('UNSUPPORTED_OPERATION', 'outsideTransaction() inside outsideTransaction()', 'call it once around the statements that must run outside a transaction');
    this.transactional = false;
    try {
      build();
    } finally {
      this.transactional = true;
    }
  }

  private schemaSteps(operation: string, build: () => Knex.SchemaBuilder, expected: Expected): void {
    this.add(operation, 'schema', this.compiled(operation, build), expected);
  }

  private dataStep(operation: string, builder: Knex.QueryBuilder): void {
    this.add(operation, 'data', [compileQuery(builder, this.dialect)], ONE);
  }

  /** knex's statements for a builder; knex's own refusals ("not supported by this dialect") become sqlgen's. */
  private compiled(operation: string, build: () => Knex.SchemaBuilder): KnexEntry[] {
    try {
      return build().toSQL() as unknown as KnexEntry[];
    } catch (error) {
      if (error instanceof Error && /not supported|does not support/i.test(error.message)) {
        throw new CompileError('UNSUPPORTED_OPERATION', `${operation}: ${this.dialect.id} cannot do this: ${error.message}`, 'branch on op.dialect, and write what this dialect can do instead');
      }
      throw error;
    }
  }

  private add(operation: string, kind: Statement['kind'], entries: KnexEntry[], expected: Expected, alteredTable?: string, source = this.callSite?.()): void {
    if (entries.length < expected.min || entries.length > (expected.max ?? Infinity)) {
      throw new CompileError('UNEXPECTED_STATEMENTS', `${operation}: knex compiled ${entries.length} statement(s), expected ${describeCount(expected)}`, 'this is a bug in sqlgen or an unsupported use of the builder; write the SQL with op.execute()');
    }
    const rebuilds = alteredTable !== undefined && this.dialect.rebuildsTables;
    for (const entry of entries) {
      const live = entry.statementsProducer ?? entry.output;
      if (live && rebuilds) {
        // knex calls its live steps with its runner as `this`; offline there is no runner and no connection.
        this.steps.push(this.tableRebuild(operation, alteredTable, () => live.call({})));
        continue;
      }
      const statement = this.checkedStatement(entry, { operation, kind, source });
      const plan = rebuilds ? rebuildPlanFor(entry.sql) : undefined;
      this.steps.push(plan ? this.tableRebuild(operation, alteredTable!, this.planned(alteredTable!, plan), [statement]) : statement);
    }
  }

  /**
   * A step the shadow schema settles: knex's rebuild (`produce` from a live step, or a plan run on
   * knex's DDL helper), unless SQLite accepts the `inPlace` statements.
   */
  private tableRebuild(operation: string, table: string, produce: TableRebuild['produce'], inPlace?: Statement[]): TableRebuild {
    const client = this.knex.client as KnexSqliteClient;
    return { kind: 'table-rebuild', operation, table, transactional: this.transactional, ...(inPlace && { inPlace }), produce, client, recordedAt: new Error('recorded here') };
  }

  /** Runs `plan` on knex's DDL helper for `table`, as knex's own live steps do. */
  private planned(table: string, plan: RebuildPlan): TableRebuild['produce'] {
    const client = this.knex.client as KnexSqliteClient;
    return () => plan(client.ddl({ tableNameRaw: table }, undefined, undefined) as unknown as KnexSqliteDdl);
  }

  private checkedStatement(entry: KnexEntry, context: Pick<Statement, 'operation' | 'kind'> & { source: StatementSource | undefined }): Statement {
    const { source, ...rest } = context;
    if (entry.output || entry.statementsProducer) throw needsLiveDatabase(context.operation, entry.sql, this.dialect);
    const count = countStatements(entry.sql, this.dialect.lexicalSyntax);
    if (count !== 1) {
      throw new CompileError('UNEXPECTED_STATEMENTS', `${context.operation}: knex produced text that holds ${count} statements: ${entry.sql}`, 'a name or value was pasted into the SQL unescaped; remove quotes and semicolons from it, or write the SQL with op.execute()');
    }
    return { sql: entry.sql, literals: (entry.bindings ?? []).map(this.dialect.renderLiteral), origin: 'knex', ...rest, transactional: this.transactional, ...(source && { source }) };
  }
}

type TableCallback<T> = (this: T, table: T) => void;
type ViewMethod = 'createView' | 'createViewOrReplace' | 'createMaterializedView';

/** `schema.table` names its schema; a bare name takes the default schema (`op.withSchema`), if any. */
function qualifiedName(name: string, defaultSchema: string | undefined): QualifiedName {
  const dot = name.lastIndexOf('.');
  if (dot > 0) return { schema: name.slice(0, dot), name: name.slice(dot + 1) };
  return defaultSchema === undefined ? { name } : { schema: defaultSchema, name };
}

function qualifiedText({ schema, name }: QualifiedName): string {
  return schema === undefined ? name : `${schema}.${name}`;
}

function whereClause(builder: Knex.QueryBuilder, where: Where): Knex.QueryBuilder {
  return typeof where === 'function' ? builder.where(where) : builder.where(where as Record<string, never>);
}

function needsLiveDatabase(operation: string, sql: string, dialect: Dialect): CompileError {
  return new CompileError(
    'NEEDS_LIVE_DATABASE',
    `${operation}: on ${dialect.id}, knex builds this from the live table definition (it asks the database with \`${sql.trim().split('\n')[0]}\`), and sqlgen has no database`,
    dialect.liveDatabaseHint ?? 'write the statement with op.execute()',
  );
}

function refuseLiveQuery(operation: string): never {
  throw new CompileError('NEEDS_LIVE_DATABASE', `${operation}: knex asks the live database, and sqlgen renders scripts without one`, 'the revisions below this one say what exists; write the revision for that schema');
}

function describeCount({ min, max }: Expected): string {
  if (max === undefined) return `at least ${min}`;
  return min === max ? `exactly ${min}` : `${min} to ${max}`;
}
