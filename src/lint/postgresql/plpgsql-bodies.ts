/**
 * The statements inside PL/pgSQL bodies (DO blocks, CREATE FUNCTION/PROCEDURE ... LANGUAGE
 * plpgsql), read with PostgreSQL's own PL/pgSQL parser (libpg-query's parsePlPgSQL) and placed
 * at the characters of the body they were written at, so the rules check them where they stand.
 *
 * Only SQL known without running the body is read: its SQL statements, its COMMIT and ROLLBACK,
 * and EXECUTE of a string constant. EXECUTE of a string built at run time cannot be known, and
 * expressions (IF conditions, PERFORM, the queries of FOR loops and cursors) are not read.
 */
import type { Node } from 'libpg-query';
import { isPostgresqlGuard } from '../../dialects/guards/postgresql.js';
import { splitStatements } from '../split-statements.js';
import type { EnclosingBody, LintStatement } from '../types.js';
import { offsetOf, postgresqlAst } from './ast.js';
import { readStringConstant, type StringConstant } from './string-constants.js';

/** A statement of a body, as a {@link BodyReader} finds it. */
export interface BodyStatement {
  sql: string;
  /** The offset in the holding statement's `sql` of an offset into this `sql`. */
  offsetIn(offset: number): number;
  transactionControl?: LintStatement['transactionControl'];
}

/** The statements in a statement's body, and what kind of body it is. */
export interface StatementBody {
  kind: EnclosingBody['kind'];
  statements: readonly BodyStatement[];
}

/** Finds the body of statements a statement holds; undefined when it holds none, or none that can be read. */
export type BodyReader = (statement: LintStatement) => StatementBody | undefined;

/** Parses a PL/pgSQL function or DO block (libpg-query's parsePlPgSQLSync); throws on what it cannot parse. */
type PlpgsqlParser = (sql: string) => unknown;

/**
 * Loads the PL/pgSQL parser. Only statements with a PL/pgSQL body are parsed again; a body the
 * parser rejects is not read. That parser works without the database's catalog, so it also
 * rejects some valid bodies (a GET DIAGNOSTICS into a variable of a type it does not know):
 * their statements are not checked, and no finding says so.
 *
 * @example
 * const read = await loadPlpgsqlBodyReader();
 * read(doStatement) // { kind: 'do', statements: [{ sql: 'ALTER TABLE t ADD COLUMN c int NOT NULL', offsetIn }] }
 */
export async function loadPlpgsqlBodyReader(): Promise<BodyReader> {
  const { loadModule, parsePlPgSQLSync } = await import('libpg-query');
  await loadModule();
  return (statement) => readBody(statement, parsePlPgSQLSync);
}

function readBody(statement: LintStatement, parse: PlpgsqlParser): StatementBody | undefined {
  const found = plpgsqlBody(statement);
  if (!found) return undefined;
  if (!mayHoldStatements(found.body.value)) return { kind: found.kind, statements: [] };
  let tree: unknown;
  try {
    tree = parse(statement.sql);
  } catch {
    return undefined;
  }
  return { kind: found.kind, statements: placedStatements(found.body, plpgsqlStatements(tree)) };
}

/**
 * Words one of which starts every statement this reader keeps. PL/pgSQL hands a statement to
 * the SQL parser only when it starts with a word that is not PL/pgSQL's own (pl_gram.y,
 * stmt_execsql), and every SQL statement starts with one of these (gram.y, stmt) but for
 * BEGIN, END, DECLARE, CALL, DO, OPEN, FETCH, MOVE and CLOSE, which PL/pgSQL reads as its own;
 * EXECUTE, COMMIT and ROLLBACK are PL/pgSQL statements read here too.
 */
const STATEMENT_WORD = /\b(?:abort|alter|analy[sz]e|checkpoint|cluster|comment|commit|copy|create|deallocate|delete|discard|drop|execute|explain|grant|import|insert|listen|load|lock|merge|notify|prepare|reassign|refresh|reindex|release|reset|revoke|rollback|savepoint|security|select|set|show|start|table|truncate|unlisten|update|vacuum|values|with)\b/i;

/**
 * Whether a body may hold a statement to read: one with none of the words, anywhere (comments
 * and strings too), holds none, and is not parsed again. The usual trigger function, made of
 * assignments and RETURN NEW, is such a body; parsing it cost as much as parsing five statements.
 */
export function mayHoldStatements(body: string): boolean {
  return STATEMENT_WORD.test(body);
}

/** The PL/pgSQL body of a DO block (sqlgen's own version guards aside) or a CREATE FUNCTION/PROCEDURE. */
function plpgsqlBody(statement: LintStatement): { kind: EnclosingBody['kind']; body: StringConstant } | undefined {
  const node = postgresqlAst(statement);
  if (node && 'DoStmt' in node && !isPostgresqlGuard(statement.sql)) return bodyIn(statement, node.DoStmt.args, 'do');
  if (node && 'CreateFunctionStmt' in node) {
    const { options, is_procedure: isProcedure } = node.CreateFunctionStmt;
    return bodyIn(statement, options, isProcedure ? 'procedure' : 'function');
  }
  return undefined;
}

/**
 * The `AS` body among the options of a DO or CREATE FUNCTION, when the language is PL/pgSQL (a
 * DO block's default) and the body is a string constant read the same here as by the parser.
 */
function bodyIn(statement: LintStatement, options: readonly Node[] | undefined, kind: EnclosingBody['kind']): { kind: EnclosingBody['kind']; body: StringConstant } | undefined {
  const elements = (options ?? []).flatMap((option) => ('DefElem' in option ? [option.DefElem] : []));
  const language = stringOf(elements.find((element) => element.defname === 'language')?.arg) ?? (kind === 'do' ? 'plpgsql' : undefined);
  const as = elements.find((element) => element.defname === 'as');
  if (language?.toLowerCase() !== 'plpgsql' || !as) return undefined;
  const { sql } = statement;
  const body = readStringConstant(sql, constantStart(sql, offsetOf(statement, as.location) ?? 0));
  return body && body.value === stringOf(as.arg) ? { kind, body } : undefined;
}

/** A string option's value: a DO block's is a `String`, a function's a `List` of one. */
function stringOf(node: Node | undefined): string | undefined {
  if (node && 'String' in node) return node.String.sval ?? '';
  return node && 'List' in node && node.List.items?.length === 1 ? stringOf(node.List.items[0]) : undefined;
}

const AS_KEYWORD = /as\b(?:\s|--[^\n]*|\/\*[\s\S]*?\*\/)*/iy;

/** The body constant's offset: a DO block's option starts at it, a function's at the `AS` before it. */
function constantStart(sql: string, optionStart: number): number {
  AS_KEYWORD.lastIndex = optionStart;
  return AS_KEYWORD.test(sql) ? AS_KEYWORD.lastIndex : optionStart;
}

/** A statement of the parsed body: its 1-based line in the body, what it is, and its text. */
interface PlpgsqlStatement {
  lineno: number;
  /** `sql`: a SQL statement; `execute`: EXECUTE, with its expression; `transaction-end`: COMMIT or ROLLBACK. */
  kind: 'sql' | 'execute' | 'transaction-end';
  text: string;
}

/** The fields of the PL/pgSQL parse tree's nodes read here. */
interface PlpgsqlNode {
  lineno?: number;
  sqlstmt?: { PLpgSQL_expr?: { query?: string } };
  query?: { PLpgSQL_expr?: { query?: string } };
}

/** The statements of a parsed body that hold SQL known before it runs, in the order they are written. */
function plpgsqlStatements(tree: unknown): PlpgsqlStatement[] {
  const found: PlpgsqlStatement[] = [];
  // The function's statements are under `action`; its variables (`datums`) hold none.
  for (const parsed of (tree as ParsedFunctions).plpgsql_funcs ?? []) collectStatements(parsed.PLpgSQL_function?.action, found);
  return found;
}

/** The shape of parsePlPgSQL's result, as far as it is read here. */
interface ParsedFunctions {
  plpgsql_funcs?: { PLpgSQL_function?: { action?: unknown } }[];
}

function collectStatements(node: unknown, found: PlpgsqlStatement[]): void {
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node) as [string, PlpgsqlNode][]) {
    const lineno = value?.lineno ?? 1;
    if (key === 'PLpgSQL_stmt_execsql') found.push({ lineno, kind: 'sql', text: value.sqlstmt?.PLpgSQL_expr?.query ?? '' });
    else if (key === 'PLpgSQL_stmt_dynexecute') found.push({ lineno, kind: 'execute', text: value.query?.PLpgSQL_expr?.query ?? '' });
    else if (key === 'PLpgSQL_stmt_commit') found.push({ lineno, kind: 'transaction-end', text: 'COMMIT' });
    else if (key === 'PLpgSQL_stmt_rollback') found.push({ lineno, kind: 'transaction-end', text: 'ROLLBACK' });
    else collectStatements(value, found);
  }
}

/** Places each statement in the body: from the start of its line, after the one before it. */
function placedStatements(body: StringConstant, statements: readonly PlpgsqlStatement[]): BodyStatement[] {
  const lineStarts = [0, ...[...body.value.matchAll(/\n/g)].map((match) => match.index + 1)];
  let searchFrom = 0;
  return statements.flatMap((statement) => {
    const from = Math.max(lineStarts[statement.lineno - 1] ?? 0, searchFrom);
    const at = (statement.kind === 'transaction-end' ? keywordAt : writtenAt)(body.value, statement.text, from) ?? from;
    searchFrom = at + statement.text.length;
    const inBody = (offset: number): number => body.offsetOf(at + offset);
    if (statement.kind === 'execute') return executedStatements(statement.text, inBody);
    return [{ sql: statement.text, offsetIn: inBody, ...(statement.kind === 'transaction-end' && { transactionControl: 'end' as const }) }];
  });
}

/** Where the word `keyword` is in `body`, in any case, at or after `from`. */
function keywordAt(body: string, keyword: string, from: number): number | undefined {
  const word = new RegExp(`\\b${keyword}\\b`, 'gi');
  word.lastIndex = from;
  return word.exec(body)?.index;
}

/**
 * Where `text` was written in `body`, at or after `from`. PL/pgSQL blanks out the INTO clause of
 * the statement text it keeps, so a blank in `text` stands for any character.
 */
function writtenAt(body: string, text: string, from: number): number | undefined {
  const first = text[0];
  if (first === undefined) return undefined;
  for (let at = body.indexOf(first, from); at !== -1; at = body.indexOf(first, at + 1)) {
    let index = 1;
    while (index < text.length && (text[index] === body[at + index] || text[index] === ' ')) index += 1;
    if (index === text.length) return at;
  }
  return undefined;
}

/** The statements of `EXECUTE 'constant'`; none when the string is built at run time. */
function executedStatements(expression: string, inBody: (offset: number) => number): BodyStatement[] {
  const constant = readStringConstant(expression, 0);
  if (!constant || expression.slice(constant.end).trim() !== '') return [];
  return splitStatements(constant.value, { file: '', dialect: 'postgresql' }).statements.map((statement) => ({
    sql: statement.sql,
    offsetIn: (offset: number) => inBody(constant.offsetOf(statement.offset + offset)),
    ...(statement.transactionControl && { transactionControl: statement.transactionControl }),
  }));
}
