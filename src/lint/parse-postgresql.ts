/**
 * PostgreSQL statements parsed by PostgreSQL's own parser (libpg_query, compiled to WebAssembly,
 * from the `libpg-query` package): what a rule sees is what the server will see.
 *
 * The module is imported on first use, so commands that do not lint never load the WebAssembly.
 */
import type { Node } from 'libpg-query';

/**
 * A parsed statement, or why it could not be parsed. Tree `location`s are UTF-8 byte offsets
 * into the text the parser read, which may hold other statements before this one: `base` is
 * where this statement starts in it (see {@link treeOffset}).
 */
export type PostgresqlParse =
  | { ast: Node; base: number }
  /** `offset` is a UTF-16 offset into the statement's text. */
  | { error: { message: string; offset: number } };

/** Parses statements, each on its own or many in one call; see {@link loadPostgresqlParser}. */
export interface PostgresqlParser {
  one(sql: string): PostgresqlParse;
  /** The same as `one` for each, in order; several times faster for many statements. */
  all(sqls: readonly string[]): PostgresqlParse[];
}

/**
 * Loads the parser. A statement the parser rejects is reported, not thrown: the linter goes on
 * with the others.
 *
 * @example
 * const parser = await loadPostgresqlParser();
 * parser.one('drop table t') // { ast: { DropStmt: { removeType: 'OBJECT_TABLE', ... } }, base: 0 }
 * parser.one('drop tabel t') // { error: { message: 'syntax error at or near "tabel"', offset: 5 } }
 */
export async function loadPostgresqlParser(): Promise<PostgresqlParser> {
  const { loadModule, parseSync } = await import('libpg-query');
  await withTieringBudget(PARSER_TIERING_BUDGET, loadModule);
  const one = (sql: string): PostgresqlParse => {
    try {
      const ast = parseSync(sql).stmts?.[0]?.stmt;
      return ast ? { ast, base: 0 } : { error: { message: 'no statement found', offset: 0 } };
    } catch (error) {
      return { error: { message: error instanceof Error ? error.message : String(error), offset: errorOffset(sql, error) } };
    }
  };
  const all = (sqls: readonly string[]) => chunks(sqls).flatMap((chunk) => parseChunk(chunk, parseSync) ?? chunk.map(one));
  return { one, all };
}

/**
 * V8 compiles WebAssembly fast and recompiles hot functions optimised, in the background; a
 * process then waits for that before it exits. With the default budget the parser's hot
 * functions were recompiled within the first parse, and a lint of a one-line file waited about
 * 0.15 s for work it never used. A larger budget defers it to scripts long enough to gain.
 */
const PARSER_TIERING_BUDGET = 100_000_000;
/** V8's own default (Node 20 to 24), put back for the other WebAssembly of the process (PGlite, sql.js). */
const DEFAULT_TIERING_BUDGET = 1_800_000;

/** Runs `instantiate` with V8's budget for optimising WebAssembly set to `budget`: an instance keeps the budget it was made with. */
async function withTieringBudget(budget: number, instantiate: () => Promise<unknown>): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString(`--wasm-tiering-budget=${budget}`);
  try {
    await instantiate();
  } finally {
    setFlagsFromString(`--wasm-tiering-budget=${DEFAULT_TIERING_BUDGET}`);
  }
}

/**
 * A call to the parser costs about as much as parsing a short statement, so statements are
 * parsed in chunks joined by `;`. Small chunks keep the cost of a chunk that fails (each of its
 * statements is then parsed alone, to report the one at fault) low.
 */
const CHUNK_STATEMENTS = 64;
const CHUNK_CHARACTERS = 64 * 1024;

function chunks(sqls: readonly string[]): Array<readonly string[]> {
  const result: string[][] = [];
  let current: string[] = [];
  let characters = 0;
  for (const sql of sqls) {
    if (current.length === CHUNK_STATEMENTS || (current.length > 0 && characters + sql.length > CHUNK_CHARACTERS)) {
      result.push(current);
      current = [];
      characters = 0;
    }
    current.push(sql);
    characters += sql.length;
  }
  if (current.length > 0) result.push(current);
  return result;
}

const SEPARATOR = ';\n';

/**
 * The chunk's statements parsed in one call, or undefined when they must be parsed one by one:
 * one fails, or the parser did not find each statement where it was put (a statement that
 * ends in a line comment would swallow the separator).
 */
function parseChunk(sqls: readonly string[], parseSync: (sql: string) => { stmts?: Array<{ stmt?: Node; stmt_location?: number }> }): PostgresqlParse[] | undefined {
  let parsed;
  try {
    parsed = parseSync(sqls.join(SEPARATOR)).stmts ?? [];
  } catch {
    return undefined;
  }
  if (parsed.length !== sqls.length) return undefined;
  const results: PostgresqlParse[] = [];
  let base = 0;
  for (const [index, sql] of sqls.entries()) {
    const { stmt, stmt_location: location = 0 } = parsed[index]!;
    if (!stmt || location !== base) return undefined;
    results.push({ ast: stmt, base });
    base += Buffer.byteLength(sql, 'utf8') + SEPARATOR.length;
  }
  return results;
}

/** libpg-query reports the error position in code points (0-based); strings index UTF-16 units. */
function errorOffset(sql: string, error: unknown): number {
  const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
  const codePoints = details?.cursorPosition ?? 0;
  return [...sql].slice(0, codePoints).join('').length;
}

/**
 * The UTF-16 offset of a parse-tree `location`, which libpg_query gives in UTF-8 bytes.
 *
 * @example
 * characterOffset("select 'é', x", 12) // 11
 */
export function characterOffset(sql: string, byteLocation: number): number {
  if (!/[^\x00-\x7f]/.test(sql)) return byteLocation;
  return Buffer.from(sql, 'utf8').subarray(0, byteLocation).toString('utf8').length;
}
