import type { Knex } from 'knex';
import { CompileError } from '../errors.js';
import type { Dialect } from '../dialects/dialect.js';

/**
 * Fixes, before knex compiles a table builder, the values knex would write into DDL unsafely.
 * This reads knex's builder internals (`_statements`, `_modifiers`, `_single`), which is why
 * knex's version is pinned; the compiler tests fail if they move.
 *
 * - Column defaults: knex writes `value.toString()` (a Date in the machine's time zone) or bare
 *   JSON for json columns; sqlgen renders them with the dialect's literal renderer instead.
 * - Enum values and comments: knex pastes some of them between quotes without escaping
 *   (a comment `x'; DROP TABLE t; --` ran as two statements in a probe). sqlgen doubles the
 *   quotes where knex pastes, and refuses backslashes and control characters there, since their
 *   meaning depends on server settings (standard_conforming_strings, NO_BACKSLASH_ESCAPES).
 */
export function prepareTableBuilder(builder: Knex.TableBuilder, dialect: Dialect, operation: string): void {
  const internals = builder as unknown as TableInternals;
  if (typeof internals._single.comment === 'string') {
    internals._single.comment = pastedText(internals._single.comment, dialect, 'table comment', operation, PASTES_TABLE_COMMENT);
  }
  for (const statement of internals._statements) {
    const column = statement.builder;
    if (statement.grouping === 'columns' && column?._modifiers) prepareColumn(column, dialect, operation);
  }
}

interface ColumnInternals {
  _type: string;
  _args: unknown[];
  _modifiers: Record<string, unknown[] | undefined>;
}
interface TableInternals {
  _single: { comment?: unknown };
  _statements: Array<{ grouping: string; builder?: ColumnInternals }>;
}

/** Dialects where knex pastes the text between quotes with no escaping at all. */
const PASTES_TABLE_COMMENT: ReadonlySet<string> = new Set(['postgresql', 'mysql']);
const PASTES_ENUM_VALUES: ReadonlySet<string> = new Set(['postgresql', 'mysql', 'sqlite']);
/** PostgreSQL's column comments escape lone quotes only, so doubled quotes pass through intact. */
const PASTES_COLUMN_COMMENT: ReadonlySet<string> = new Set(['postgresql']);
/**
 * MySQL column comments escape quotes with a backslash, which NO_BACKSLASH_ESCAPES turns into
 * a quote that ends the string. A doubled quote means one quote in every sql_mode, so sqlgen
 * doubles it and hands knex text whose `replace` leaves it as it is.
 */
const DOUBLES_COLUMN_COMMENT_ITSELF: ReadonlySet<string> = new Set(['mysql']);

function prepareColumn(column: ColumnInternals, dialect: Dialect, operation: string): void {
  const name = String(column._args[0]);
  const defaults = column._modifiers.defaultTo;
  if (defaults && defaults.length > 0 && column._type !== 'boolean') defaults[0] = renderedDefault(defaults[0], dialect);
  if ((column._type === 'enu' || column._type === 'enum') && Array.isArray(column._args[1])) {
    column._args[1] = column._args[1].map((value) => pastedText(String(value), dialect, `enum value of column ${name}`, operation, PASTES_ENUM_VALUES));
  }
  const comment = column._modifiers.comment;
  if (comment && typeof comment[0] === 'string') {
    const text = pastedText(comment[0], dialect, `comment of column ${name}`, operation, PASTES_COLUMN_COMMENT);
    comment[0] = DOUBLES_COLUMN_COMMENT_ITSELF.has(dialect.id) ? new EscapedText(text.replaceAll("'", "''")) : text;
  }
}

/** Text already escaped by sqlgen: knex's own escaping (`text.replace(...)`) leaves it unchanged. */
class EscapedText extends String {
  override replace(): string {
    return this.valueOf();
  }
}

/**
 * Runs an `alterView` callback as knex does (builder as `this` and as argument), then renders
 * the column defaults it sets with the dialect's literal renderer: knex pastes them bare.
 */
export function prepareViewBuilder(builder: Knex.ViewBuilder, build: (this: Knex.ViewBuilder, view: Knex.ViewBuilder) => void, dialect: Dialect): void {
  build.call(builder, builder);
  const statements = (builder as unknown as { _statements: Array<{ method: string; args: unknown[] }> })._statements;
  for (const statement of statements) {
    if (statement.method === 'defaultTo') statement.args[1] = (renderedDefault(statement.args[1], dialect) as { toQuery(): string } | null)?.toQuery() ?? 'NULL';
  }
}

/** Null, raw SQL and absent stay with knex; every other value becomes sqlgen's own literal. */
function renderedDefault(value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined || (value as { isRawInstance?: boolean }).isRawInstance) return value;
  const literal = dialect.renderLiteral(isPlainObject(value) ? JSON.stringify(value) : value);
  // knex's formatDefault emits a raw instance's toQuery() as is; knex.raw itself would rewrite `\?`.
  return { isRawInstance: true, toQuery: () => literal };
}

function pastedText(text: string, dialect: Dialect, what: string, operation: string, pastedBy: ReadonlySet<string>): string {
  const unsafe = /[\\\u0000-\u001f\u007f]/.exec(text);
  if (unsafe) throw unsafeText(what, dialect, operation, unsafe[0] === '\\' ? 'a backslash' : 'a control character');
  return pastedBy.has(dialect.id) ? text.replaceAll("'", "''") : text;
}

function unsafeText(what: string, dialect: Dialect, operation: string, found: string): CompileError {
  return new CompileError(
    'UNSUPPORTED_OPERATION',
    `${operation}: ${what} contains ${found}, which knex writes into ${dialect.id} DDL unescaped`,
    'remove it from the text, or write the statement yourself with op.execute()',
  );
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
