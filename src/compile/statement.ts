/**
 * One SQL statement of a revision, before it is formatted and its literals inlined.
 *
 * Statements compiled by knex keep their `?` placeholders until the end, so that the formatter
 * sees short, repetitive text (see format-statement.ts); raw SQL is emitted verbatim.
 */
export interface Statement {
  /** SQL text; for `origin: 'knex'` it may hold `?` placeholders, one per literal. */
  sql: string;
  /**
   * The bindings, already rendered as the dialect's literals when the statement was recorded,
   * so a value with no literal form fails at the op call that passed it (file and line known).
   */
  literals: readonly string[];
  /** `knex`: built by sqlgen, safe to reformat. `raw`: the user's own text, never touched. */
  origin: 'knex' | 'raw';
  /** DDL or data change: decides transactions on dialects without transactional DDL. */
  kind: 'schema' | 'data';
  /** False for statements that must run outside any transaction (op.outsideTransaction). */
  transactional: boolean;
  /** The op call that produced it, for error messages and lint (`createTable orders`). */
  operation: string;
  /**
   * Session statements the script must run before its first transaction for this statement to
   * be safe (SQLite's `PRAGMA foreign_keys = OFF` around a table rebuild).
   */
  sessionSettings?: readonly string[];
  /** Where in the revision file it comes from, when known (SQL sections; op calls when traced). */
  source?: StatementSource;
}

/** A point in a revision file; see {@link Statement.source}. */
export interface StatementSource {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /**
   * True when the statement's text is the file's text from this point on (a SQL section), so a
   * position inside the statement maps to the file line for line; false for an op call.
   */
  verbatim: boolean;
}
