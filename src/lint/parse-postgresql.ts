/**
 * PostgreSQL statements parsed by PostgreSQL's own parser (libpg_query, compiled to WebAssembly,
 * from the `libpg-query` package): what a rule sees is what the server will see.
 *
 * The module is imported on first use, so commands that do not lint never load the WebAssembly.
 */
import type { Node } from 'libpg-query';

/** A parsed statement, or why it could not be parsed. */
export type PostgresqlParse =
  | { ast: Node }
  /** `offset` is a UTF-16 offset into the statement's text. */
  | { error: { message: string; offset: number } };

/** Parses one statement; see {@link loadPostgresqlParser}. */
export type PostgresqlParser = (sql: string) => PostgresqlParse;

/**
 * Loads the parser. A statement the parser rejects is reported, not thrown: the linter goes on
 * with the others.
 *
 * @example
 * const parse = await loadPostgresqlParser();
 * parse('drop table t') // { ast: { DropStmt: { removeType: 'OBJECT_TABLE', ... } } }
 * parse('drop tabel t') // { error: { message: 'syntax error at or near "tabel"', offset: 5 } }
 */
export async function loadPostgresqlParser(): Promise<PostgresqlParser> {
  const { loadModule, parseSync } = await import('libpg-query');
  await loadModule();
  return (sql) => {
    try {
      const ast = parseSync(sql).stmts?.[0]?.stmt;
      return ast ? { ast } : { error: { message: 'no statement found', offset: 0 } };
    } catch (error) {
      return { error: { message: error instanceof Error ? error.message : String(error), offset: errorOffset(sql, error) } };
    }
  };
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
