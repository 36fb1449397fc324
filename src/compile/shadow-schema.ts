import type { Database, QueryExecResult } from 'sql.js';
import { CompileError } from '../errors.js';
import type { AlterRestriction, Dialect } from '../dialects/dialect.js';
import type { Revision } from '../revisions/types.js';
import { inlineBindings, sqlPieces } from './inline-bindings.js';
import { compareVersions } from '../dialects/versions.js';
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

  /**
   * Runs a statement of the script, as every SQLite statement sqlgen renders is run while it
   * renders; `revision` names the culprit if SQLite, or the configured oldest SQLite, rejects it.
   */
  apply(statement: Statement, revision: Revision): void {
    const sql = this.text(statement);
    const restriction = restrictionOn(sql, this.dialect);
    try {
      if (restriction) throw new Error(`${restriction.form}: ${restriction.reason}${restriction.since ? `, and sqlite.minimumVersion is ${this.dialect.minimumVersion}` : ''}`);
      this.database.exec(sql);
    } catch (error) {
      const line = statement.source?.line;
      const where = line ? `${revision.file}:${line}` : revision.file;
      throw new CompileError(
        'SHADOW_REPLAY_FAILED',
        `${where}: SQLite would reject a statement of revision ${revision.id} (${statement.operation}): ${(error as Error).message}`,
        'sqlgen runs every SQLite statement it renders on an in-memory SQLite; fix the revision, or give it a SQLite version through op.dialect',
        { file: revision.file, ...(line && { line }) },
      );
    }
  }

  /**
   * Whether SQLite, at the configured minimum version, runs the statements as the next ones of
   * the script. They are tried in a savepoint that is rolled back: the caller applies its choice.
   */
  accepts(statements: readonly Statement[]): boolean {
    const texts = statements.map((statement) => this.text(statement));
    if (texts.some((sql) => restrictionOn(sql, this.dialect))) return false;
    this.database.exec('SAVEPOINT sqlgen_try');
    try {
      return texts.every((sql) => this.runs(sql));
    } finally {
      this.database.exec('ROLLBACK TO sqlgen_try; RELEASE sqlgen_try');
    }
  }

  private text(statement: Statement): string {
    return statement.origin === 'knex' ? inlineBindings(statement.sql, statement.literals, { renderLiteral: String, syntax: this.dialect.lexicalSyntax }) : statement.sql;
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

/** The ALTER TABLE form of `sql` that the oldest SQLite the script targets, or a table with rows, may refuse. */
export function restrictionOn(sql: string, dialect: Dialect): AlterRestriction | undefined {
  if (!/^\s*alter\s+table\b/i.test(sql)) return undefined;
  // String literals are blanked out, so a default such as 'drop column' matches nothing.
  const code = [...sqlPieces(sql, dialect.lexicalSyntax)].map((piece) => (piece.kind === 'text' && !/^["`[]/.test(piece.text) ? "''" : piece.text)).join('');
  const minimum = dialect.minimumVersion ?? '0';
  return dialect.alterRestrictions.find((restriction) => restriction.pattern.test(code) && (restriction.since === undefined || compareVersions(minimum, restriction.since) < 0));
}

function rowObjects(result: QueryExecResult): ShadowRow[] {
  return result.values.map((values) => Object.fromEntries(result.columns.map((column, index) => [column, values[index]])));
}
