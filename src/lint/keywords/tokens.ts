/**
 * A statement classifier's tokens, for the dialects without a parser of their own (MySQL and
 * MariaDB, SQLite, SQL Server). Strings, quoted names and comments are found by the dialect's own
 * lexical rules ({@link sqlPieces}, which also cuts scripts into statements); this module only
 * splits the code between them into words, numbers and punctuation, and keeps the parenthesis
 * depth so rules can tell a top-level `WHERE` from one in a subquery.
 */
import { sqlPieces } from '../../compile/inline-bindings.js';
import type { DialectId } from '../../dialects/dialect-id.js';
import { dialectFor } from '../../dialects/index.js';
import { LiteralError } from '../../errors.js';
import type { StatementParse } from '../lint-dialects.js';
import type { LintStatement } from '../types.js';

/** The dialects linted by keywords rather than a parse tree. */
export type KeywordDialectId = Exclude<DialectId, 'postgresql'>;

export type TokenKind = 'word' | 'quoted-identifier' | 'string' | 'number' | 'punctuation';

export interface Token {
  kind: TokenKind;
  /**
   * A word upper-cased (`ALTER`, `ORDERS`); a quoted identifier or string without its quotes, a
   * doubled quote read as one (`[a]]b]` → `a]b`); a number or punctuation as written.
   */
  text: string;
  /** UTF-16 offset into the statement of the token's first character, prefix included (`N'x'`). */
  offset: number;
  /** UTF-16 offset just after the token. */
  end: number;
  /** How many parentheses enclose it; `(` and `)` have the depth of what is around them. */
  depth: number;
}

/** The opening characters that quote a name rather than a string, per dialect. */
const IDENTIFIER_QUOTES: Record<KeywordDialectId, string> = {
  // `"` is a string unless ANSI_QUOTES is set, which knex does not do.
  mysql: '`',
  sqlite: '"`[',
  // With QUOTED_IDENTIFIER ON, the default of every client but old ones.
  mssql: '"[',
};

/** A word glued to a string that is part of it: `N'...'` (SQL Server), `X'...'`, `_utf8mb4'...'` (MySQL). */
const STRING_PREFIX = /^(?:N|X|B|_[A-Z0-9]+)$/;

/** What {@link tokenize} found; `unclosedAt` is set when a string, quoted name or comment runs to the end. */
export interface Tokenized {
  tokens: Token[];
  unclosedAt?: number;
}

/**
 * Splits one statement into tokens; comments are left out.
 *
 * @example
 * tokenize("UPDATE `t` SET a = 'x;y' -- c", 'mysql').tokens.map((t) => [t.kind, t.text])
 * // [['word', 'UPDATE'], ['quoted-identifier', 't'], ['word', 'SET'], ['word', 'A'], ['punctuation', '='], ['string', 'x;y']]
 */
export function tokenize(sql: string, dialect: KeywordDialectId): Tokenized {
  const tokens: Token[] = [];
  const depth = { value: 0 };
  let offset = 0;
  try {
    for (const piece of sqlPieces(sql, dialectFor(dialect).lexicalSyntax)) {
      if (piece.kind === 'text') addQuoted(tokens, piece.text, offset, depth.value, dialect);
      else addCode(tokens, piece.text, offset, depth);
      offset += piece.text.length;
    }
  } catch (error) {
    if (!(error instanceof LiteralError)) throw error;
    return { tokens, unclosedAt: offset };
  }
  return { tokens };
}

/** Tokenizes a statement for the engine: a string or comment left open is a parse error. */
export function parseKeywordStatement(sql: string, dialect: KeywordDialectId): StatementParse {
  const { tokens, unclosedAt } = tokenize(sql, dialect);
  if (unclosedAt === undefined) return { ast: tokens };
  return { error: { message: 'a string, quoted name or comment is not closed', offset: unclosedAt } };
}

/**
 * The statement's tokens; the engine sets `ast` to them for MySQL, SQLite and SQL Server, as it
 * sets a parse tree for PostgreSQL (see `postgresqlAst`).
 */
export function statementTokens(statement: LintStatement): readonly Token[] | undefined {
  return statement.dialect === 'postgresql' ? undefined : (statement.ast as readonly Token[] | undefined);
}

function addQuoted(tokens: Token[], text: string, offset: number, depth: number, dialect: KeywordDialectId): void {
  const opening = text.charAt(0);
  if (opening === '-' || opening === '/' || opening === '#') return;
  const kind = IDENTIFIER_QUOTES[dialect].includes(opening) ? 'quoted-identifier' : 'string';
  const token: Token = { kind, text: unquoted(text, dialect), offset, end: offset + text.length, depth };
  const previous = tokens.at(-1);
  if (kind === 'string' && previous?.kind === 'word' && previous.end === offset && STRING_PREFIX.test(previous.text)) {
    token.offset = previous.offset;
    tokens.pop();
  }
  tokens.push(token);
}

/** The text between the quotes, with doubled quotes (and MySQL's backslash escapes) read as the character. */
function unquoted(text: string, dialect: KeywordDialectId): string {
  const close = text.charAt(text.length - 1);
  let inner = text.slice(1, -1);
  if (inner.includes(close + close)) inner = inner.replaceAll(close + close, close);
  // Rules compare names, never data: `\n` reading as `n` is close enough.
  if (dialect === 'mysql' && close !== '`' && inner.includes('\\')) inner = inner.replace(/\\(.)/gs, '$1');
  return inner;
}

const SPACE = 0x20;
const OPEN = 0x28;
const CLOSE = 0x29;

/** Words, numbers and punctuation of a code piece; `depth.value` follows the parentheses. */
function addCode(tokens: Token[], code: string, offset: number, depth: { value: number }): void {
  let index = 0;
  while (index < code.length) {
    const character = code.charCodeAt(index);
    if (character <= SPACE) {
      index += 1;
      continue;
    }
    const start = index;
    let kind: TokenKind;
    if (isWordStart(character)) {
      kind = 'word';
      index = wordEnd(code, index + 1);
    } else if (isDigit(character) || (character === 0x2e && isDigit(code.charCodeAt(index + 1)))) {
      kind = 'number';
      index = numberEnd(code, index + 1);
    } else {
      kind = 'punctuation';
      index += 1;
      if (character === CLOSE && depth.value > 0) depth.value -= 1;
    }
    const text = code.slice(start, index);
    tokens.push({ kind, text: kind === 'word' ? text.toUpperCase() : text, offset: offset + start, end: offset + index, depth: depth.value });
    if (character === OPEN) depth.value += 1;
  }
}

function isDigit(character: number): boolean {
  return character >= 0x30 && character <= 0x39;
}

/** Letters, `_`, and the sigils of variables and temporary tables (`@v`, `@@rowcount`, `#t`); any non-ASCII character. */
function isWordStart(character: number): boolean {
  return (character >= 0x41 && character <= 0x5a) || (character >= 0x61 && character <= 0x7a) || character === 0x5f || character === 0x40 || character === 0x23 || character >= 0x80;
}

function wordEnd(code: string, from: number): number {
  let index = from;
  for (let character = code.charCodeAt(index); isWordStart(character) || isDigit(character) || character === 0x24; character = code.charCodeAt(++index));
  return index;
}

/** `12`, `1.5`, `1e-3`, `0x1F`: digits, letters and dots, and a sign right after an exponent's `e`. */
function numberEnd(code: string, from: number): number {
  let index = from;
  for (;;) {
    const character = code.charCodeAt(index);
    const exponentSign = (character === 0x2b || character === 0x2d) && (code.charCodeAt(index - 1) | 0x20) === 0x65;
    if (!(isDigit(character) || isWordStart(character) || character === 0x2e || exponentSign)) return index;
    index += 1;
  }
}
