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

/**
 * The operations a revision's `upgrade`/`downgrade` receives. Each call adds statements to the
 * script; nothing runs, and there is no database connection anywhere to reach.
 */
export interface Operations {
  /** The dialect being rendered, so a revision can branch where it must. */
  readonly dialect: DialectId;
  /** knex's SQL function helpers for defaults, e.g. `defaultTo(op.fn.now())`. */
  readonly fn: Knex.FunctionHelper;
  createTable(name: string, build: (table: Knex.CreateTableBuilder) => void): void;
  alterTable(name: string, build: (table: Knex.AlterTableBuilder) => void): void;
  dropTable(name: string): void;
  dropTableIfExists(name: string): void;
  renameTable(from: string, to: string): void;
  /** A view over a query built with {@link Operations.query}, or over raw SQL text. */
  createView(name: string, definition: Knex.QueryBuilder | string): void;
  dropView(name: string): void;
  createSchema(name: string): void;
  dropSchema(name: string): void;
  insert(table: string, rows: Record<string, unknown> | Array<Record<string, unknown>>): void;
  update(table: string, values: Record<string, unknown>, where: Where): void;
  delete(table: string, where: Where): void;
  /** A query builder for view definitions; it cannot run. */
  query(table: string): Knex.QueryBuilder;
  /** SQL written by hand, emitted verbatim: `?`, `??` and `:name` stay as written. */
  execute(sql: string): void;
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
}
