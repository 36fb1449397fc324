/**
 * What the linter needs from each dialect: a parser that gives rules something to read, a reader
 * of the statements some statements hold, and a tracker that follows the script. PostgreSQL
 * statements get PostgreSQL's own parse tree, and the statements of PL/pgSQL bodies; MySQL,
 * SQLite and SQL Server statements get the keyword classifier's tokens (see keywords/tokens.ts).
 */
import type { DialectId } from '../dialects/dialect-id.js';
import { postgresqlForeignKeys, withCreatedForeignKeys } from './foreign-key-tracker.js';
import { KeywordScriptTracker, keywordForeignKeys } from './keywords/script-tracker.js';
import { parseKeywordStatement, type KeywordDialectId } from './keywords/tokens.js';
import { loadPostgresqlParser } from './parse-postgresql.js';
import { loadPlpgsqlBodyReader, type BodyReader } from './postgresql/plpgsql-bodies.js';
import { PostgresqlScriptTracker, type ScriptTracker } from './postgresql/script-tracker.js';

/** The result of parsing one statement; `offset` (UTF-16, into the statement) is where the parse failed. */
export type StatementParse = { ast: unknown } | { error: { message: string; offset: number } };

export interface DialectLinting {
  /** Loads the dialect's parser, if it has one. */
  loadParser?: () => Promise<(sql: string) => StatementParse>;
  /** Loads the reader of statements inside statements (PostgreSQL: PL/pgSQL bodies), if the dialect has one. */
  loadBodyReader?: () => Promise<BodyReader>;
  createTracker(): ScriptTracker;
}

/** A dialect linted by keywords: its statements are tokenized, its script followed from the tokens. */
function keywordLinting(dialect: KeywordDialectId): DialectLinting {
  return {
    loadParser: () => Promise.resolve((sql) => parseKeywordStatement(sql, dialect)),
    createTracker: () => withCreatedForeignKeys(new KeywordScriptTracker(dialect), keywordForeignKeys),
  };
}

/** Every dialect: a new DialectId without an entry here does not compile. */
export const DIALECT_LINTING = {
  postgresql: {
    loadParser: async () => (await loadPostgresqlParser()).one,
    loadBodyReader: loadPlpgsqlBodyReader,
    createTracker: () => withCreatedForeignKeys(new PostgresqlScriptTracker(), postgresqlForeignKeys),
  },
  mysql: keywordLinting('mysql'),
  sqlite: keywordLinting('sqlite'),
  mssql: keywordLinting('mssql'),
} as const satisfies Record<DialectId, DialectLinting>;
