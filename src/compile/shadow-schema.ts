import type { Database, QueryExecResult } from 'sql.js';
import { CompileError } from '../errors.js';
import type { Dialect } from '../dialects/dialect.js';
import type { Revision } from '../revisions/types.js';
import { inlineBindings } from './inline-bindings.js';
import type { Statement } from './statement.js';

/** A row of a query on the shadow schema, by column name. */
export type ShadowRow = Record<string, unknown>;

/**
 * An in-memory SQLite database (sql.js: real SQLite compiled to WebAssembly) holding the schema
 * the script has built so far. sqlgen replays every earlier statement into it, so that an
 * operation SQLite cannot do in place (change a column, add a foreign key) can read the table's
 * current definition, as knex would from a live database, and be rendered as a table rebuild.
 * Replaying also proves the statements run on SQLite.
 */
export class ShadowSchema {
  private constructor(
    private readonly database: Database,
    private readonly dialect: Dialect,
  ) {}

  static async open(dialect: Dialect): Promise<ShadowSchema> {
    // Loaded on demand: only SQLite scripts with a table rebuild pay for the WebAssembly engine.
    const { default: initSqlJs } = await import('sql.js');
    const SQL = await initSqlJs();
    return new ShadowSchema(new SQL.Database(), dialect);
  }

  /** Runs a statement of the script; `revision` names the culprit if SQLite rejects it. */
  apply(statement: Statement, revision: Revision): void {
    const sql = statement.origin === 'knex' ? inlineBindings(statement.sql, statement.literals, { renderLiteral: String, syntax: this.dialect.lexicalSyntax }) : statement.sql;
    try {
      this.database.exec(sql);
    } catch (error) {
      throw new CompileError(
        'SHADOW_REPLAY_FAILED',
        `${revision.file}: SQLite rejected a statement of revision ${revision.id} (${statement.operation}) while sqlgen replayed the history to rebuild a table: ${(error as Error).message}`,
        'the statement does not run on SQLite; fix the revision, or give it a SQLite version through op.dialect',
        { file: revision.file },
      );
    }
  }

  /** The rows of a read-only query. */
  rows(sql: string): ShadowRow[] {
    return this.database.exec(sql).flatMap(rowObjects);
  }

  hasTable(table: string): boolean {
    return this.select("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND lower(name) = lower(?)", [table]).length > 0;
  }

  /** CREATE TRIGGER statements attached to `table`, in creation order: a DROP TABLE drops them. */
  triggersOn(table: string): string[] {
    const rows = this.select("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? ORDER BY rowid", [table]);
    return rows.map((row) => String(row.sql));
  }

  /**
   * Views that stop working without `table`, in creation order. SQLite itself decides: the
   * table is dropped inside a savepoint that is rolled back, and every view is probed.
   */
  viewsDependingOn(table: string): Array<{ name: string; sql: string }> {
    const views = this.select("SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY rowid", []).map((row) => ({ name: String(row.name), sql: String(row.sql) }));
    if (views.length === 0) return [];
    this.database.exec(`SAVEPOINT sqlgen_probe; DROP TABLE ${this.dialect.quoteIdentifier(table)}`);
    try {
      return views.filter((view) => !this.runs(`SELECT * FROM ${this.dialect.quoteIdentifier(view.name)} LIMIT 0`));
    } finally {
      this.database.exec('ROLLBACK TO sqlgen_probe; RELEASE sqlgen_probe');
    }
  }

  private select(sql: string, parameters: string[]): ShadowRow[] {
    const statement = this.database.prepare(sql, parameters);
    const rows: ShadowRow[] = [];
    while (statement.step()) rows.push(statement.getAsObject());
    statement.free();
    return rows;
  }

  private runs(sql: string): boolean {
    try {
      this.database.exec(sql);
      return true;
    } catch {
      return false;
    }
  }
}

function rowObjects(result: QueryExecResult): ShadowRow[] {
  return result.values.map((values) => Object.fromEntries(result.columns.map((column, index) => [column, values[index]])));
}
