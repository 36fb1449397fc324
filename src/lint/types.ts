/**
 * The shapes the lint engine and its rules share. A rule sees one statement at a time, with the
 * facts the engine gathered from the statements before it, and returns reports; the engine turns
 * reports into {@link Finding}s with a file position and the configured severity.
 */
import type { DialectId } from '../dialects/dialect-id.js';
import type { MysqlTarget, SqlServerEdition } from '../dialects/versions.js';

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A severity, or `off` to silence a rule: the value of a `rules` override. */
export type SeverityOverride = Severity | 'off';

/** A position in a script file; line and column are 1-based, columns count UTF-16 code units. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** How a lint runs, beyond the dialect: what the config's `lint` section and the flags say. */
export interface LintSettings {
  /** Severity per rule id (or `parse-error`); `off` silences it. Unknown ids are an error. */
  rules?: Readonly<Record<string, SeverityOverride>>;
  /** The major version of the PostgreSQL server the scripts are for; DEFAULT_POSTGRESQL_VERSION (dialects/versions.ts) when absent. */
  postgresqlVersion?: number;
  /** The script runs inside a transaction a tool opens around it, as if it began with BEGIN. */
  assumeInTransaction?: boolean;
  /** The MySQL or MariaDB server the scripts are for (`mysql-8.4`, `mariadb-10.11`); DEFAULT_MYSQL_TARGET when absent. */
  mysqlVersion?: string;
  /** The SQL Server edition the scripts are for; DEFAULT_SQL_SERVER_EDITION when absent. */
  sqlServerEdition?: SqlServerEdition;
}

/** The settings that say which server the SQL is for, as flags may override them. */
export type ServerSettings = Pick<LintSettings, 'postgresqlVersion' | 'mysqlVersion' | 'sqlServerEdition'>;

/** One statement of a script, as the splitter cuts it. */
export interface LintStatement {
  /** The statement's text, from its first token up to (not including) its `;`. */
  sql: string;
  dialect: DialectId;
  /** Where the statement's first token is: leading blanks and comments are not part of it. */
  location: SourceLocation;
  /** Whether the statement runs inside an explicit BEGIN/START TRANSACTION ... COMMIT, as written. */
  inTransaction: boolean;
  /** The parse tree (PostgreSQL: a libpg-query `Node`); absent when not parsed or unparsable. */
  ast?: unknown;
  /**
   * Where `sql` starts in the text the tree's locations count from (PostgreSQL parses many
   * statements in one call; UTF-8 bytes); 0 when absent. See `offsetOf` in postgresql/ast.ts.
   */
  astBase?: number;
  /**
   * Set on BEGIN/START TRANSACTION (`begin`) and COMMIT/ROLLBACK/END (`end`). Statement checks
   * never see these; script checks do.
   */
  transactionControl?: 'begin' | 'end';
  /**
   * Set on a statement of a PL/pgSQL body: the DO block or function that holds it. Such a
   * statement always runs inside a transaction, so its `inTransaction` is true.
   */
  enclosing?: EnclosingBody;
}

/** The DO block or CREATE FUNCTION/PROCEDURE whose body holds a statement. */
export interface EnclosingBody {
  /** A DO block runs its body where it stands; a function or procedure, when it is called. */
  kind: 'do' | 'function' | 'procedure';
  /** The holding statement's own `inTransaction`: whether it stands inside BEGIN ... COMMIT. */
  inTransaction: boolean;
}

/**
 * What the engine knows from the statements before the one being checked. Built by the engine
 * (see postgresql/script-tracker.ts), never by a rule.
 */
export interface LintContext {
  /** The PostgreSQL server's major version (see {@link LintSettings}). */
  postgresqlVersion: number;
  /** The MySQL or MariaDB server (see {@link LintSettings}); DEFAULT_MYSQL_TARGET (dialects/versions.ts) when absent. */
  mysqlTarget?: MysqlTarget;
  /** The SQL Server edition (see {@link LintSettings}); DEFAULT_SQL_SERVER_EDITION when absent. */
  sqlServerEdition?: SqlServerEdition;
  /** Tables created earlier in this script, by unqualified name: changing them locks no one out. */
  createdTables: ReadonlySet<string>;
  /**
   * Indexes created earlier in this script on a table it created too, by unqualified name:
   * dropping or rebuilding one locks no one out. An index the script created on an existing table
   * is not here: dropping or rebuilding it locks that table as for any index.
   */
  createdIndexes: ReadonlySet<string>;
  /** Whether a non-zero `lock_timeout` is in force (`SET`, or `SET LOCAL` in this transaction). */
  lockTimeout: boolean;
  /** Whether a non-zero `statement_timeout` is in force, as for {@link LintContext.lockTimeout}. */
  statementTimeout: boolean;
  /**
   * Foreign-key constraints created earlier in this script, by lower-cased name (see
   * foreign-key-tracker.ts); absent when the dialect's tracker does not follow them.
   */
  createdForeignKeys?: ReadonlySet<string>;
  /**
   * Tables whose rows the script copied into a table it created (`INSERT INTO new SELECT ... FROM
   * old`), by lower-cased name: dropping one ends a SQLite table rebuild. Absent when not followed.
   */
  copiedTables?: ReadonlySet<string>;
  /**
   * Whether the script has turned MySQL's `foreign_key_checks` off (`SET foreign_key_checks = 0`)
   * and not back on: foreign keys are then added without a table copy. Absent when not followed.
   */
  foreignKeyChecksOff?: boolean;
  /**
   * Columns (`table.column`, unqualified names) a validated `CHECK (column IS NOT NULL)` of this
   * script proves not null: PostgreSQL 12+ then sets NOT NULL without scanning. PostgreSQL only.
   */
  provenNotNull?: ReadonlySet<string>;
  /**
   * Constraints (`table.constraint`, unqualified names) added NOT VALID in the transaction that is
   * open now: validating one there holds the ADD's lock through the scan. PostgreSQL only.
   */
  notValidInTransaction?: ReadonlySet<string>;
  /**
   * Constraints (`table.constraint`, unqualified names) dropped earlier in this script and not
   * added again since: adding one again can be re-run. PostgreSQL only.
   */
  droppedConstraints?: ReadonlySet<string>;
  /** Indexes dropped earlier in this script and not created again since, as for {@link LintContext.droppedConstraints}. */
  droppedIndexes?: ReadonlySet<string>;
}

/** What a script tracker follows: the context but the settings the engine adds. */
export type ScriptFacts = Omit<LintContext, 'postgresqlVersion' | 'mysqlTarget' | 'sqlServerEdition'>;

/** What a rule reports about a statement; the engine adds the rule's id, severity and help. */
export interface RuleReport {
  message: string;
  /** UTF-16 offset into the statement's `sql` of what the report is about; the statement start when absent. */
  offset?: number;
}

/**
 * What a flagged statement does: takes locks that stop traffic, rewrites a table, destroys
 * data, breaks clients still running the old code, fails (or does not do what it says), or
 * removes an integrity guarantee.
 */
export const EFFECTS = ['locks', 'rewrites', 'destroys-data', 'breaks-clients', 'fails', 'weakens-integrity'] as const;
export type Effect = (typeof EFFECTS)[number];

/** A rule's check for one dialect: reports about the statement; it never throws and never prints. */
export type RuleCheck = (statement: LintStatement, context: LintContext) => readonly RuleReport[];

/** What a script check knows of how the script runs, besides its statements. */
export interface ScriptSettings {
  /** The script runs inside a transaction a tool opens around it (see {@link LintSettings}). */
  assumeInTransaction: boolean;
}

/** A script check's report: a {@link RuleReport} about one of the statements it was given. */
export interface ScriptReport extends RuleReport {
  /** The index of the statement the report is about, in the list the check was given. */
  statement: number;
}

/**
 * A rule's check of a whole script, for a hazard no one statement shows, such as a BEGIN never
 * committed. It gets every statement in the order they run, transaction control included, each
 * statement of a PL/pgSQL body right after the statement that holds it; without parse trees,
 * which a large script could not keep in memory. It never throws and never prints.
 *
 * @example
 * const check: ScriptCheck = { checkScript: (statements) =>
 *   statements.flatMap((statement, index) => (statement.transactionControl ? [{ statement: index, message: 'Transaction control.' }] : [])) };
 */
export interface ScriptCheck {
  checkScript(statements: readonly LintStatement[], settings: ScriptSettings): readonly ScriptReport[];
}

/**
 * Whether a rule's check is a statement check (a {@link RuleCheck}) rather than a script check.
 *
 * @example
 * const check = banDropTable.checks.postgresql;
 * if (isStatementCheck(check)) check(statement, context);
 */
export function isStatementCheck(check: RuleCheck | ScriptCheck | undefined): check is RuleCheck {
  return typeof check === 'function';
}

/**
 * What a finding is about, as reports and SARIF's `tool.driver.rules` describe it: a lint rule,
 * or a finding the engine or `sqlgen check` makes itself (such as `parse-error`).
 */
export interface FindingKind {
  /** Kebab-case; for rules it starts with `ban-`, `prefer-` or `require-` and names the doc page. */
  id: string;
  /** The default severity; a `rules` option may override it. For a rule off by default, the level it suggests. */
  severity: Severity;
  /**
   * False for advice rules: they report nothing unless `rules` gives them a level, which they then
   * report at. Absent means on, at `severity`.
   */
  enabledByDefault?: boolean;
  /** One line: what it catches. */
  description: string;
  /** One line: the safe alternative, shown with every finding. */
  help: string;
}

/**
 * One lint rule. Its id says what it asks for: `ban-` (do not do X), `prefer-` (Y is better than
 * X), `require-` (always do Y). It has one check per dialect it understands; the others never run it.
 *
 * @example
 * const rule: Rule = { id: 'ban-drop-table', severity: 'warning',
 *   description: 'Dropping a table breaks clients still reading it.', help: 'Drop it in a later release.',
 *   checks: { postgresql: (statement) => (isDropTable(statement) ? [{ message: 'DROP TABLE' }] : []) } };
 */
export interface Rule extends FindingKind {
  /** What running the statement does, as the handoff summary groups findings for a DBA. */
  effect: Effect;
  /** Per dialect, a check of each statement or a check of the whole script. */
  checks: Partial<Record<DialectId, RuleCheck | ScriptCheck>>;
}

/** A problem found in a script, ready to print or serialise. */
export interface Finding {
  /** A rule id, or an engine finding such as `parse-error`. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** The safe alternative, one line. */
  help: string;
  location: SourceLocation;
  /**
   * The statement's first line, when the location does not show it: a finding in a rendered
   * revision points at the op call in the revision file that produced the statement.
   */
  statement?: string;
}
