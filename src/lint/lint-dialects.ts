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

/**
 * The result of parsing one statement; `offset` (UTF-16, into the statement) is where the parse
 * failed. `base` is where the statement starts in the text the tree's locations count from.
 */
export type StatementParse = { ast: unknown; base?: number } | { error: { message: string; offset: number } };

/** Parses statements one at a time, or many at once (for PostgreSQL's parser, much faster). */
export interface StatementParser {
  one(sql: string): StatementParse;
  all(sqls: readonly string[]): StatementParse[];
}

/** How many statements are parsed at a time: a long script's trees would not all fit in memory. */
const PARSE_WINDOW = 256;

/** Each statement with its parse (none without a parser), parsed many at a time. */
export function* withParses<T extends { sql: string }>(statements: readonly T[], parser: StatementParser | undefined): Generator<[T, StatementParse | undefined]> {
  for (let start = 0; start < statements.length; start += PARSE_WINDOW) {
    const window = statements.slice(start, start + PARSE_WINDOW);
    const parses = parser?.all(window.map((statement) => statement.sql));
    yield* window.map((statement, index): [T, StatementParse | undefined] => [statement, parses?.[index]]);
  }
}

export interface DialectLinting {
  /** Loads the dialect's parser, if it has one. */
  loadParser?: () => Promise<StatementParser>;
  /** Loads the reader of statements inside statements (PostgreSQL: PL/pgSQL bodies), if the dialect has one. */
  loadBodyReader?: () => Promise<BodyReader>;
  createTracker(): ScriptTracker;
}

/** A dialect linted by keywords: its statements are tokenized, its script followed from the tokens. */
function keywordLinting(dialect: KeywordDialectId): DialectLinting {
  return {
    loadParser: () => {
      const one = (sql: string) => parseKeywordStatement(sql, dialect);
      return Promise.resolve({ one, all: (sqls) => sqls.map(one) });
    },
    createTracker: () => withCreatedForeignKeys(new KeywordScriptTracker(dialect), keywordForeignKeys),
  };
}

/** Every dialect: a new DialectId without an entry here does not compile. */
export const DIALECT_LINTING = {
  postgresql: {
    loadParser: loadPostgresqlParser,
    loadBodyReader: loadPlpgsqlBodyReader,
    createTracker: () => withCreatedForeignKeys(new PostgresqlScriptTracker(), postgresqlForeignKeys),
  },
  mysql: keywordLinting('mysql'),
  sqlite: keywordLinting('sqlite'),
  mssql: keywordLinting('mssql'),
} as const satisfies Record<DialectId, DialectLinting>;
