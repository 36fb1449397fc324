import type { Statement } from '../compile/statement.js';
import type { Knex } from 'knex';
import type { DialectId } from '../dialects/dialect-id.js';

/** What the graph needs of a revision: identity, edges and where it came from. */
export interface RevisionNode {
  id: string;
  /** Empty for a base revision, two or more for a merge. */
  parents: string[];
  /** Revisions (usually on other branches) that must be applied first; not graph parents. */
  dependsOn: string[];
  branchLabels: string[];
  message: string;
  /** Project-relative, POSIX-style path of the file that defined it; used in every error. */
  file: string;
}

/** Equality conditions (`{ id: 3, deleted_at: null }`), or a knex where-builder callback. */
export type Where = Record<string, unknown> | ((builder: Knex.QueryBuilder) => void);

/** Values for `op.raw`: positional for `?` (values) and `??` (identifiers), or named for `:name` and `:name:`. */
export type RawBindings = readonly unknown[] | Record<string, unknown>;

/** A knex builder callback: knex's documentation writes them with `this`, so the builder is both `this` and the argument. */
export type BuilderCallback<T> = (this: T, builder: T) => void;

/**
 * What a view selects: a query built with {@link Operations.query}, `op.raw(...)`, SQL text, or
 * a view-builder callback (`view.columns([...])`, `view.as(query)`, `view.checkOption()`).
 */
export type ViewDefinition = Knex.QueryBuilder | Knex.Raw | string | BuilderCallback<Knex.ViewBuilder>;

/**
 * The operations a revision's `upgrade`/`downgrade` receives. Each call adds statements to the
 * script; nothing runs, and there is no database connection anywhere to reach. A name may be
 * schema-qualified (`'billing.invoices'`), which is the same as `op.withSchema('billing')`.
 */
export interface Operations {
  /** The dialect being rendered, so a revision can branch where it must. */
  readonly dialect: DialectId;
  /** knex's SQL function helpers for defaults, e.g. `defaultTo(op.fn.now())`. */
  readonly fn: Knex.FunctionHelper;
  /**
   * Raw SQL with bindings, for defaults, checks, views and {@link Operations.execute}: `?` takes a
   * value (inlined by sqlgen's literal renderer), `??` an identifier, `:name` / `:name:` the same by name.
   */
  raw(sql: string, bindings?: RawBindings): Knex.Raw;
  /** The same operations, with bare table, view and type names in `schema`. */
  withSchema(schema: string): Operations;
  createTable(name: string, build: BuilderCallback<Knex.CreateTableBuilder>): void;
  createTableIfNotExists(name: string, build: BuilderCallback<Knex.CreateTableBuilder>): void;
  /** A new table with the columns of `like` (and more from `build`); no rows are copied. */
  createTableLike(name: string, like: string, build?: BuilderCallback<Knex.CreateTableBuilder>): void;
  alterTable(name: string, build: BuilderCallback<Knex.AlterTableBuilder>): void;
  dropTable(name: string): void;
  dropTableIfExists(name: string): void;
  renameTable(from: string, to: string): void;
  createView(name: string, definition: ViewDefinition): void;
  /** `CREATE OR REPLACE VIEW` (SQL Server: `CREATE OR ALTER`; SQLite: drop, then create). */
  createViewOrReplace(name: string, definition: ViewDefinition): void;
  /** PostgreSQL only. */
  createMaterializedView(name: string, definition: ViewDefinition): void;
  /** PostgreSQL only; `concurrently` needs a unique index on the view. */
  refreshMaterializedView(name: string, concurrently?: boolean): void;
  /** Rename a view's columns or set their defaults: `view.column('a').rename('b')`. */
  alterView(name: string, build: BuilderCallback<Knex.ViewBuilder>): void;
  renameView(from: string, to: string): void;
  dropView(name: string): void;
  dropViewIfExists(name: string): void;
  dropMaterializedView(name: string): void;
  createSchema(name: string): void;
  createSchemaIfNotExists(name: string): void;
  dropSchema(name: string): void;
  dropSchemaIfExists(name: string): void;
  /** PostgreSQL only. */
  createExtension(name: string): void;
  createExtensionIfNotExists(name: string): void;
  dropExtension(name: string): void;
  dropExtensionIfExists(name: string): void;
  /**
   * knex asks the live database; a revision is rendered offline, so these are refused with a
   * hint: decide from the revisions below, which say what exists.
   */
  hasTable(name: string): never;
  hasColumn(table: string, column: string): never;
  insert(table: string, rows: Record<string, unknown> | Array<Record<string, unknown>>): void;
  update(table: string, values: Record<string, unknown>, where: Where): void;
  delete(table: string, where: Where): void;
  /** A query builder for view definitions and index predicates (no table needed there); it cannot run. */
  query(table?: string): Knex.QueryBuilder;
  /**
   * SQL written by hand. Text is emitted verbatim (`?`, `??` and `:name` stay as written);
   * `op.raw(sql, bindings)` gets its bindings inlined first.
   */
  execute(sql: string | Knex.Raw): void;
  /**
   * Statements that cannot run inside a transaction (`CREATE INDEX CONCURRENTLY`): the script
   * commits, runs them, and begins a new transaction, like Alembic's autocommit_block.
   */
  outsideTransaction(build: () => void): void;
}

export type MigrationFn = (op: Operations) => void | Promise<void>;

/** The default export of a `<id>_<slug>.ts` revision module. */
export interface RevisionDefinition {
  id: string;
  parents: string[];
  message?: string;
  dependsOn?: string[];
  branchLabels?: string[];
  /** Lint rules that do not apply to this revision, e.g. `['ban-drop-column']` for a planned drop. */
  lintDisable?: string[];
  upgrade: MigrationFn;
  downgrade?: MigrationFn;
}

/** One direction of a revision: a function over {@link Operations}, or SQL text from a `.sql` file. */
export type MigrationStep =
  | { kind: 'function'; run: MigrationFn }
  /** A module revision restored from the compiled cache: see {@link Revision.compiled}. */
  | { kind: 'recorded' }
  | { kind: 'sql'; sql: string; /** 1-based line of the section's first SQL line in the file */ line: number }
  | { kind: 'none' };

/** A revision as loaded from `revisionsDir`. */
export interface Revision extends RevisionNode {
  format: 'module' | 'sql';
  /** A SQL revision may be written for one dialect only. */
  dialect?: DialectId;
  /** Lint rules switched off for this revision's statements. */
  lintDisable: string[];
  upgrade: MigrationStep;
  downgrade: MigrationStep;
  /** sha256 (hex) of the file's bytes, for manifests and integrity checks. */
  sourceSha256: string;
  /**
   * The local files a module revision imports through relative specifiers, transitively, found
   * statically in its code; project-relative, sorted by path. Empty for a SQL revision.
   */
  localImports: Array<{ file: string; sha256: string }>;
  /** For module revisions the compiled cache keeps (revisions/compiled-cache.ts). */
  compiled?: RecordedSteps;
}

/** What a module revision recorded on earlier runs with the same inputs, by variant (see compileRevision). */
export interface RecordedSteps {
  recorded(variant: string): readonly Statement[] | undefined;
  remember(variant: string, steps: readonly Statement[]): void;
  /** The revision's own steps; a revision restored from the cache loads its module for them first. */
  functions(): Promise<Pick<Revision, 'upgrade' | 'downgrade'>>;
}

/** A table of a declared schema module: knex's create-table builder, and the operations for `op.fn` and `op.raw`. */
export type DeclaredTable = (table: Knex.CreateTableBuilder, op: Operations) => void;

/** The default export of a declared schema module (`defineSchema`): tables by name, created in the order written. */
export type SchemaDefinition = Record<string, DeclaredTable>;
