import type { SqlLexicalSyntax } from '../compile/inline-bindings.js';
import type { DialectId } from './dialect-id.js';
import type { VersionGuardSyntax } from './version-guard-syntax.js';

/**
 * Everything sqlgen knows about one SQL dialect, as data. Adding a dialect costs one file
 * beside this one and one line in the registry (`index.ts`).
 */
export interface Dialect {
  id: DialectId;
  /** knex client name; knex is built with it and no connection, so no driver is loaded. */
  knexClient: 'pg' | 'mysql2' | 'sqlite3' | 'mssql';
  /** sql-formatter language; the build vendors only these four (scripts/bundle-cli.js). */
  formatterLanguage: 'postgresql' | 'mysql' | 'sqlite' | 'transactsql';
  /** Whether DDL can be rolled back inside a transaction (PostgreSQL, SQLite, SQL Server). */
  transactionalDdl: boolean;
  /**
   * Whether alterations knex would derive from the live table are rendered as a table rebuild
   * computed on a shadow schema (SQLite); elsewhere they are an error with a rewrite to use.
   */
  rebuildsTables: boolean;
  beginTransaction: string;
  commitTransaction: string;
  /** A line that ends a batch for the client (`GO` for sqlcmd), after each transaction. */
  batchSeparator?: string;
  /** Session settings the script relies on, emitted once at its top. */
  preamble: string[];
  /** How a DBA runs a script with the dialect's own client; `<file>` stands for the script. */
  applyCommand: string;
  /** Header comment lines that tell the DBA how this dialect's script behaves. */
  notes: string[];
  /** Text knex appends to data statements to return a result (`;select @@rowcount`), which a script must not run. */
  knexResultSuffix?: string;
  /** Renders a JavaScript value as a SQL literal; throws LiteralError when there is no safe form. */
  renderLiteral(value: unknown): string;
  /** Quotes and comments of the SQL that knex emits, for finding `?` placeholders. */
  lexicalSyntax: SqlLexicalSyntax;
  quoteIdentifier(name: string): string;
  /** How a script checks the version table before it changes anything. */
  versionGuard: VersionGuardSyntax;
  /** Whether a rename's new name must repeat the schema (MySQL's RENAME TABLE moves it to the default database otherwise). */
  renameTargetQualified: boolean;
  /** Whether the dialect has extensions (PostgreSQL's CREATE EXTENSION). */
  extensions: boolean;
  /**
   * How to write an alteration knex would derive from the live table (MySQL/SQL Server
   * `setNullable`, `dropNullable`) so that it passes sqlgen's lint; absent where sqlgen renders it.
   */
  liveDatabaseHint?: string;
  /**
   * The oldest server version scripts must run on (SQLite: config `sqlite.minimumVersion`);
   * absent where sqlgen emits nothing that depends on the version.
   */
  minimumVersion?: string;
  /**
   * ALTER TABLE forms the server refuses before a version, or on a table with rows. A statement
   * sqlgen would emit in such a form is rendered another way (a table rebuild) or refused.
   */
  alterRestrictions: readonly AlterRestriction[];
}

/** See {@link Dialect.alterRestrictions}. */
export interface AlterRestriction {
  /** What the DBA would call it, e.g. `ALTER TABLE ... DROP COLUMN`. */
  form: string;
  /** Matches the code (not the quoted text) of an ALTER TABLE statement in that form. */
  pattern: RegExp;
  /** The first version that runs it; absent when no version runs it on every table. */
  since?: string;
  /** Why it may fail, for the error message. */
  reason: string;
}
