/**
 * Puts knex's bindings into its SQL as literals ("literal binds"), so a script runs as is.
 *
 * knex's `toSQL()` gives SQL with `?` placeholders and a bindings array. Only a `?` in code is a
 * placeholder: one inside a string literal, a quoted identifier or a comment is text (knex
 * inlines column defaults and comments into DDL itself, so literals with `?` do occur). A
 * dialect's {@link SqlLexicalSyntax} says where those regions begin and end.
 */
import { LiteralError } from '../errors.js';

/** A string literal or quoted identifier: `'...'`, `E'...'`, `"..."`, `` `...` ``, `[...]`. */
export interface QuotedRegion {
  /** Opening delimiter; letters in it match either case, and not right after a name character. */
  open: string;
  close: string;
  /** Whether `\` escapes the next character (MySQL strings as knex writes them, PostgreSQL `E'...'`). */
  backslashEscapes: boolean;
}

export interface LineComment {
  open: string;
  /** MySQL reads `--` as a comment only when a space or control character follows. */
  needsSpaceAfter: boolean;
}

/**
 * The lexical rules of one dialect that decide whether a `?` or `;` is code. A doubled `close`
 * inside a quoted region always stands for one character (`''`, `""`, ` `` `, `]]`).
 */
export interface SqlLexicalSyntax {
  /** Tried in order at each position: list a prefixed form (`E'`) before the plain one (`'`). */
  quoted: readonly QuotedRegion[];
  lineComments: readonly LineComment[];
  /** PostgreSQL and SQL Server nest block comments; MySQL and SQLite end at the first star-slash. */
  nestedBlockComments: boolean;
  /** PostgreSQL's `$$...$$` and `$tag$...$tag$`. */
  dollarQuotedStrings: boolean;
}

/**
 * A piece of SQL as {@link sqlPieces} finds it. `text` is always the source text, so joining
 * the pieces gives back the SQL unchanged.
 */
export type SqlPiece =
  | { kind: 'code'; text: string }
  /** A string literal, quoted identifier or comment. */
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; text: '?' }
  /** knex's `\?`: a literal question mark, such as PostgreSQL's jsonb `?` operator. */
  | { kind: 'escaped-question-mark'; text: '\\?' }
  | { kind: 'terminator'; text: ';' };

const NAME_CHARACTER = /[\p{L}\p{N}_$]/u;
const DOLLAR_TAG = /\$(?:[\p{L}_][\p{L}\p{N}_]*)?\$/uy;
const LINE_BREAK = /[\r\n]/g;
const OPERATOR_CHARACTER = /[-+*/<>=~!@#%^&|`?]/;

/**
 * Replaces each placeholder `?` in code with `renderLiteral` of the next binding. knex's escape
 * `\?` (a literal question mark, such as PostgreSQL's jsonb `?` operator) becomes `?` and takes
 * no binding. Text in string literals, quoted identifiers and comments is copied unchanged.
 *
 * @throws LiteralError when a binding has no literal, the placeholders and bindings differ in
 * number, or a string, identifier or comment is not closed.
 * @example
 * inlineBindings('update "t" set "a" = ? where "b" = \'?\'', ['x'], { renderLiteral, syntax })
 * // update "t" set "a" = 'x' where "b" = '?'
 */
export function inlineBindings(
  sql: string,
  bindings: readonly unknown[],
  options: { renderLiteral: (value: unknown) => string; syntax: SqlLexicalSyntax },
): string {
  const out: string[] = [];
  let placeholders = 0;
  for (const piece of sqlPieces(sql, options.syntax)) {
    if (piece.kind !== 'placeholder') {
      out.push(piece.kind === 'escaped-question-mark' ? '?' : piece.text);
      continue;
    }
    placeholders += 1;
    if (placeholders <= bindings.length) out.push(...spacedLiteral(out.at(-1), renderBinding(bindings[placeholders - 1], placeholders, options.renderLiteral)));
  }
  if (placeholders !== bindings.length) throw bindingCountMismatch(sql, placeholders, bindings.length);
  return out.join('');
}

/** The number of statements in `sql`: `;`-separated parts holding more than blanks and comments. */
export function countStatements(sql: string, syntax: SqlLexicalSyntax): number {
  if (!sql.includes(';')) return countStatementsWithoutTerminator(sql, syntax);
  let statements = 0;
  let pending = false;
  for (const piece of sqlPieces(sql, syntax)) {
    if (piece.kind === 'terminator') {
      if (pending) statements += 1;
      pending = false;
    } else if (!isBlankOrComment(piece)) {
      pending = true;
    }
  }
  return pending ? statements + 1 : statements;
}

/** Without a `;` there is one statement, unless all of it is blanks and comments. */
function countStatementsWithoutTerminator(sql: string, syntax: SqlLexicalSyntax): number {
  if (!/[-/#]/.test(sql)) return sql.trim() === '' ? 0 : 1;
  for (const piece of sqlPieces(sql, syntax)) if (!isBlankOrComment(piece)) return 1;
  return 0;
}

function isBlankOrComment(piece: SqlPiece): boolean {
  if (piece.kind === 'code') return piece.text.trim() === '';
  return piece.kind === 'text' && isComment(piece.text);
}

function isComment(text: string): boolean {
  return text.startsWith('/*') || text.startsWith('--') || text.startsWith('#');
}

function renderBinding(value: unknown, position: number, renderLiteral: (value: unknown) => string): string {
  try {
    return renderLiteral(value);
  } catch (error) {
    if (!(error instanceof LiteralError)) throw error;
    throw new LiteralError(`Binding ${position}: ${error.message}`, error.hint);
  }
}

/** `1-?` with -5 must not become the comment `1--5`, nor `@-` one operator in PostgreSQL. */
function spacedLiteral(before: string | undefined, literal: string): string[] {
  const separate = literal.startsWith('-') && OPERATOR_CHARACTER.test(before?.at(-1) ?? '');
  return separate ? [' ', literal] : [literal];
}

function bindingCountMismatch(sql: string, placeholders: number, bindings: number): LiteralError {
  return new LiteralError(
    `The SQL has ${placeholders} placeholder(s) but ${bindings} binding(s) were given: ${excerpt(sql)}`,
    'in knex.raw SQL write a literal question mark outside quotes as \\\\? (in JavaScript source), and pass one binding per ?',
  );
}

/**
 * Splits SQL into code, placeholders, terminators and text (string literals, quoted identifiers,
 * comments), by the dialect's lexical rules.
 *
 * @throws LiteralError when a string, identifier or comment is not closed.
 */
export function* sqlPieces(sql: string, syntax: SqlLexicalSyntax): Generator<SqlPiece> {
  const starter = pieceStarter(syntax);
  let codeStart = 0;
  let index = 0;
  while (index < sql.length) {
    // Set right before exec: another scan may have used the shared pattern while this one was suspended.
    starter.lastIndex = index;
    const next = starter.exec(sql);
    if (!next) break;
    const found = pieceAt(sql, next.index, syntax);
    if (!found) {
      index = next.index + 1;
      continue;
    }
    if (codeStart < next.index) yield { kind: 'code', text: sql.slice(codeStart, next.index) };
    yield found.piece;
    index = found.end;
    codeStart = index;
  }
  if (codeStart < sql.length) yield { kind: 'code', text: sql.slice(codeStart) };
}

const STARTERS = new WeakMap<SqlLexicalSyntax, RegExp>();

/**
 * A pattern for where a piece other than code can start, so plain code is skipped at once: the
 * first character of each opening, or the whole opening when it starts with a letter (`E'`), so
 * that every `e` of `create` is not a candidate.
 */
function pieceStarter(syntax: SqlLexicalSyntax): RegExp {
  let pattern = STARTERS.get(syntax);
  if (!pattern) {
    const openings = [...syntax.quoted.map((region) => region.open), ...syntax.lineComments.map((comment) => comment.open), '/*', '?', ';', '\\'];
    if (syntax.dollarQuotedStrings) openings.push('$');
    const prefixed = openings.filter((opening) => LETTER.test(opening));
    const characters = new Set(openings.filter((opening) => !LETTER.test(opening)).map((opening) => opening.charAt(0)));
    const alternatives = [`[${[...characters].map(escapedCharacter).join('')}]`, ...prefixed.map((opening) => [...opening].map((character) => `[${escapedCharacter(character.toLowerCase())}${escapedCharacter(character.toUpperCase())}]`).join(''))];
    pattern = new RegExp(alternatives.join('|'), 'g');
    STARTERS.set(syntax, pattern);
  }
  return pattern;
}

const LETTER = /^\p{L}/u;

function escapedCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function pieceAt(sql: string, start: number, syntax: SqlLexicalSyntax): { piece: SqlPiece; end: number } | undefined {
  const character = sql[start];
  if (character === '?') return { piece: { kind: 'placeholder', text: '?' }, end: start + 1 };
  if (character === ';') return { piece: { kind: 'terminator', text: ';' }, end: start + 1 };
  if (character === '\\' && sql[start + 1] === '?') return { piece: { kind: 'escaped-question-mark', text: '\\?' }, end: start + 2 };
  const end = regionEnd(sql, start, syntax);
  return end === undefined ? undefined : { piece: { kind: 'text', text: sql.slice(start, end) }, end };
}

/** Where the comment or quoted region starting at `start` ends, if one starts there. */
function regionEnd(sql: string, start: number, syntax: SqlLexicalSyntax): number | undefined {
  if (sql.startsWith('/*', start)) return blockCommentEnd(sql, start, syntax.nestedBlockComments);
  const lineComment = syntax.lineComments.find((comment) => lineCommentStartsAt(sql, start, comment));
  if (lineComment) return lineEnd(sql, start);
  if (syntax.dollarQuotedStrings && sql[start] === '$') {
    const end = dollarQuotedEnd(sql, start);
    if (end !== undefined) return end;
  }
  const region = syntax.quoted.find((quoted) => quotedRegionStartsAt(sql, start, quoted));
  return region && quotedRegionEnd(sql, start, region);
}

function lineCommentStartsAt(sql: string, start: number, comment: LineComment): boolean {
  if (!sql.startsWith(comment.open, start)) return false;
  const after = sql.charCodeAt(start + comment.open.length);
  return !comment.needsSpaceAfter || after <= 0x20;
}

/** A line comment runs up to, not including, the line break. */
function lineEnd(sql: string, start: number): number {
  LINE_BREAK.lastIndex = start;
  return LINE_BREAK.exec(sql)?.index ?? sql.length;
}

function blockCommentEnd(sql: string, start: number, nested: boolean): number {
  let depth = 1;
  let index = start + 2;
  while (index < sql.length) {
    if (sql.startsWith('*/', index)) {
      depth -= 1;
      index += 2;
      if (depth === 0) return index;
    } else if (nested && sql.startsWith('/*', index)) {
      depth += 1;
      index += 2;
    } else {
      index += 1;
    }
  }
  throw unterminated('block comment', sql, start);
}

function dollarQuotedEnd(sql: string, start: number): number | undefined {
  if (NAME_CHARACTER.test(sql[start - 1] ?? '')) return undefined;
  DOLLAR_TAG.lastIndex = start;
  const tag = DOLLAR_TAG.exec(sql)?.[0];
  if (tag === undefined) return undefined;
  const close = sql.indexOf(tag, start + tag.length);
  if (close === -1) throw unterminated('dollar-quoted string', sql, start);
  return close + tag.length;
}

function quotedRegionStartsAt(sql: string, start: number, region: QuotedRegion): boolean {
  if (region.open.length === 1) return sql[start] === region.open;
  const opening = sql.slice(start, start + region.open.length);
  if (opening.toLowerCase() !== region.open.toLowerCase()) return false;
  // `typE'x'` is no E'' string: a prefix letter must start a token.
  return !LETTER.test(region.open) || !NAME_CHARACTER.test(sql[start - 1] ?? '');
}

/** Jumps from one closing delimiter to the next (and over backslash escapes where they count). */
function quotedRegionEnd(sql: string, start: number, region: QuotedRegion): number {
  const { close } = region;
  let index = start + region.open.length;
  for (;;) {
    const closing = sql.indexOf(close, index);
    if (closing === -1) throw unterminated(`${region.open}...${close} literal`, sql, start);
    const escape = region.backslashEscapes ? sql.slice(index, closing).indexOf('\\') : -1;
    if (escape !== -1) {
      index += escape + 2;
    } else if (sql.startsWith(close, closing + close.length)) {
      index = closing + 2 * close.length;
    } else {
      return closing + close.length;
    }
  }
}

function unterminated(what: string, sql: string, start: number): LiteralError {
  return new LiteralError(
    `Unterminated ${what} at offset ${start} of: ${excerpt(sql)}`,
    'the SQL is malformed, so sqlgen cannot tell placeholders from text: close the quote or comment in the raw SQL of the revision',
  );
}

/** Enough of a statement to recognise it; a batch INSERT can run to megabytes. */
function excerpt(sql: string): string {
  return sql.length <= 300 ? sql : `${sql.slice(0, 300)}...`;
}
