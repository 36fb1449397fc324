import type { Database } from 'sql.js';
import { splitStatements } from '../lint/split-statements.js';
import { readSqliteSnapshot, readSqliteSnapshotAfter } from '../schema/readers/sqlite.js';
import { sqliteChangeScope, type SqliteChangeScope } from '../schema/readers/sqlite-change-scope.js';
import type { Snapshot } from '../schema/snapshot.js';
import type { ApplyOutcome, EmbeddedEngine, EngineOptions, FailedStatement, SnapshotOptions } from './engine.js';
import { SnapshotChain } from './snapshot-chain.js';

/** SQLite compiled to WebAssembly (sql.js), in memory. */
export async function openSqlJs(options: EngineOptions): Promise<EmbeddedEngine> {
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  const version = String(db.exec('SELECT sqlite_version()')[0]!.values[0]![0]);
  return new SqlJsEngine(db, `SQLite ${version} (sql.js, embedded)`, options);
}

class SqlJsEngine implements EmbeddedEngine {
  constructor(
    private readonly db: Database,
    readonly description: string,
    private readonly options: EngineOptions,
  ) {}

  /**
   * As `sqlite3 -bail` runs a script: SQLite's own parser cuts it (sql.js iterates
   * sqlite3_prepare over the text), each statement runs to completion, the rows a query
   * returns are printed, and the first error stops the script.
   */
  async apply(script: string, file: string): Promise<ApplyOutcome> {
    const output: string[] = [];
    const statements = this.db.iterateStatements(script);
    let consumed = 0;
    for (;;) {
      const start = consumed;
      let statement;
      try {
        const next = statements.next();
        if (next.done) return { ok: true, output };
        statement = next.value;
        const sql = statement.getSQL();
        this.snapshots.applied([sql]);
        consumed = endOf(sql, script, consumed, () => statements.getRemainingSQL());
        while (statement.step()) output.push(statement.get().map(String).join('|'));
      } catch (error) {
        return failure(error as Error, file, script, start, consumed, output);
      } finally {
        statement?.free();
      }
    }
  }

  private readonly source = { json: async (sql: string) => this.json(sql) };
  private readonly snapshots = new SnapshotChain<SqliteChangeScope>({
    full: () => readSqliteSnapshot(this.source, this.options.versionTable),
    scope: async (statements) => sqliteChangeScope(statements),
    after: (previous, scope) => readSqliteSnapshotAfter(this.source, this.options.versionTable, previous, scope),
  });

  /** Only the tables named since the last snapshot are read again, where the statements allow it (see SnapshotChain). */
  snapshot(options?: SnapshotOptions): Promise<Snapshot> {
    return this.snapshots.snapshot(options);
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private json(sql: string): unknown {
    const value = this.db.exec(sql)[0]?.values[0]?.[0];
    return typeof value === 'string' ? JSON.parse(value) : null;
  }
}

/**
 * Where a statement SQLite prepared ends in the script. SQLite keeps the statement's own text,
 * found from the last end on; asking for the remaining text instead decodes the rest of the
 * script from WebAssembly memory at every statement, which grows with the square of its length.
 */
function endOf(statementSql: string, script: string, from: number, remaining: () => string): number {
  const at = script.indexOf(statementSql, from);
  return at === -1 ? script.length - remaining().length : at + statementSql.length;
}

function failure(error: Error, file: string, script: string, start: number, end: number, output: string[]): FailedStatement {
  const text = statementText(script, start, end);
  const line = lineAt(script, text.offset);
  const limit = /no such module: (\w+)/.exec(error.message);
  return {
    ok: false,
    file,
    line,
    statement: text.sql,
    message: error.message,
    output,
    ...(limit && { notRehearsable: `this SQLite build (sql.js) has no ${limit[1]} module` }),
  };
}

/**
 * The failed statement: the text SQLite ran (from `start` to `end`), or, when SQLite refused to
 * prepare it and so did not move past it, the statement sqlgen's splitter finds at `start`.
 */
function statementText(script: string, start: number, end: number): { sql: string; offset: number } {
  if (end > start) {
    const piece = script.slice(start, end);
    const lead = /^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/.exec(piece)![0].length;
    return { sql: piece.slice(lead).replace(/;\s*$/, '').trim(), offset: start + lead };
  }
  const [next] = splitStatements(script.slice(start), { file: 'script.sql', dialect: 'sqlite' }).statements;
  return next ? { sql: next.sql, offset: start + next.offset } : { sql: script.slice(start).trim(), offset: start };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
