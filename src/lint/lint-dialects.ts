/**
 * What the linter needs from each dialect: a parser that gives rules a tree, and a tracker that
 * follows the script. A dialect without a parser gets its statements unparsed and no rule that
 * needs a tree applies to it.
 */
import type { DialectId } from '../dialects/dialect-id.js';
import { loadPostgresqlParser } from './parse-postgresql.js';
import { emptyTracker, PostgresqlScriptTracker, type ScriptTracker } from './postgresql/script-tracker.js';

/** The result of parsing one statement; `offset` (UTF-16, into the statement) is where the parse failed. */
export type StatementParse = { ast: unknown } | { error: { message: string; offset: number } };

export interface DialectLinting {
  /** Loads the dialect's parser, if it has one. */
  loadParser?: () => Promise<(sql: string) => StatementParse>;
  createTracker(): ScriptTracker;
}

/** Every dialect: a new DialectId without an entry here does not compile. */
export const DIALECT_LINTING = {
  postgresql: { loadParser: loadPostgresqlParser, createTracker: () => new PostgresqlScriptTracker() },
  mysql: { createTracker: emptyTracker },
  sqlite: { createTracker: emptyTracker },
  mssql: { createTracker: emptyTracker },
} as const satisfies Record<DialectId, DialectLinting>;
