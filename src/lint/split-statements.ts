/**
 * Cuts a SQL script into statements for the linter, by the dialect's lexical rules: a `;` in a
 * string, quoted identifier, comment or PostgreSQL dollar-quoted body does not end a statement.
 * It also tells which statements run inside an explicit transaction, as the script is written.
 */
import { sqlPieces, type SqlLexicalSyntax } from '../compile/inline-bindings.js';
import type { DialectId } from '../dialects/dialect-id.js';
import { dialectFor } from '../dialects/index.js';
import { LiteralError } from '../errors.js';
import { LineIndex } from './text-position.js';
import type { LintStatement } from './types.js';

/** A statement and where it starts in the script. */
export interface SplitStatement extends LintStatement {
  /** UTF-16 offset of the statement's first token in the script. */
  offset: number;
}

/** A comment of the script, where suppression directives are read. */
export interface ScriptComment {
  /** The comment with its delimiters (`-- ...`, `/* ... *\/`). */
  text: string;
  offset: number;
}

export interface SplitScript {
  statements: SplitStatement[];
  comments: ScriptComment[];
}

/** A lexical piece with its offset; `code` pieces never hold a terminator. */
interface PlacedPiece {
  kind: 'code' | 'text' | 'comment' | 'terminator';
  text: string;
  offset: number;
}

/**
 * Splits `text` into statements with 1-based line/column positions of their first token. Blank
 * and comment-only parts are no statements. A string or comment left open runs to the end of the
 * script, as it would for the server; the statement it is in then fails to parse.
 *
 * @example
 * splitStatements("select ';';\n  drop table t;", { file: 'm.sql', dialect: 'postgresql' }).statements
 *   .map((s) => [s.sql, s.location.line, s.location.column]) // [["select ';'", 1, 1], ['drop table t', 2, 3]]
 */
export function splitStatements(text: string, options: { file: string; dialect: DialectId; inTransaction?: boolean }): SplitScript {
  const lines = new LineIndex(text);
  const statements: SplitStatement[] = [];
  const comments: ScriptComment[] = [];
  let start: number | undefined;
  // A tool may run the script inside a transaction it opened (lint --assume-in-transaction).
  let inTransaction = options.inTransaction ?? false;
  const close = (end: number): void => {
    if (start === undefined) return;
    const sql = text.slice(start, end).trimEnd();
    const transactionControl = transactionControlOf(sql, options.dialect);
    const location = { file: options.file, ...lines.position(start) };
    statements.push({ sql, dialect: options.dialect, location, inTransaction, offset: start, ...(transactionControl && { transactionControl }) });
    if (transactionControl) inTransaction = transactionControl === 'begin';
    start = undefined;
  };
  for (const piece of placedPieces(text, options.dialect)) {
    if (piece.kind === 'terminator' && !(start !== undefined && insideBody(text, start, piece, options.dialect))) close(piece.offset);
    else if (piece.kind === 'comment') comments.push({ text: piece.text, offset: piece.offset });
    else start ??= firstTokenOffset(piece);
  }
  close(text.length);
  return { statements, comments };
}

function firstTokenOffset(piece: PlacedPiece): number | undefined {
  const index = piece.text.search(/\S/);
  return index === -1 ? undefined : piece.offset + index;
}

/** The script's pieces in order, with batch-separator lines (`GO`) as terminators. */
function* placedPieces(text: string, dialect: DialectId): Generator<PlacedPiece> {
  const { lexicalSyntax, batchSeparator } = dialectFor(dialect);
  let offset = 0;
  for (const piece of lenientPieces(text, lexicalSyntax)) {
    if (piece.kind === 'code' && batchSeparator) yield* splitAtSeparatorLines(text, piece.text, offset, batchSeparator);
    else yield { kind: pieceKind(piece), text: piece.text, offset };
    offset += piece.text.length;
  }
}

function pieceKind(piece: { kind: string; text: string }): PlacedPiece['kind'] {
  if (piece.kind === 'terminator') return 'terminator';
  if (piece.kind !== 'text') return 'code';
  return /^(?:--|\/\*|#)/.test(piece.text) ? 'comment' : 'text';
}

/** {@link sqlPieces}, except that an unclosed string or comment becomes text up to the end. */
function* lenientPieces(text: string, syntax: SqlLexicalSyntax): Generator<{ kind: string; text: string }> {
  let consumed = 0;
  try {
    for (const piece of sqlPieces(text, syntax)) {
      consumed += piece.text.length;
      yield piece;
    }
  } catch (error) {
    if (!(error instanceof LiteralError)) throw error;
    yield { kind: 'text', text: text.slice(consumed) };
  }
}

/** Splits a code piece at lines that hold only the batch separator, which end a statement. */
function* splitAtSeparatorLines(text: string, code: string, offset: number, separator: string): Generator<PlacedPiece> {
  const line = new RegExp(`^[ \\t]*${separator}[ \\t]*$`, 'gim');
  let from = 0;
  for (const match of code.matchAll(line)) {
    const at = offset + match.index;
    if (at > 0 && !/[\r\n]/.test(text[at - 1] ?? '')) continue;
    yield { kind: 'code', text: code.slice(from, match.index), offset: offset + from };
    yield { kind: 'terminator', text: match[0], offset: at };
    from = match.index + match[0].length;
  }
  yield { kind: 'code', text: code.slice(from), offset: offset + from };
}

/**
 * Statements whose body holds `;`. A SQLite trigger runs to its `END`; a T-SQL procedure,
 * function or trigger is alone in its batch, so it runs to the batch separator (`GO`).
 */
const BODIES: Partial<Record<DialectId, { starts: RegExp; closed: (sql: string, terminator: string) => boolean }>> = {
  sqlite: { starts: /^create\s+(?:temp(?:orary)?\s+)?trigger\b/i, closed: (sql) => /\bend\s*$/i.test(sql) },
  mssql: { starts: /^create\s+(?:or\s+alter\s+)?(?:proc(?:edure)?|function|trigger)\b/i, closed: (_, terminator) => terminator !== ';' },
};

/** Whether a terminator falls inside the body of the statement starting at `start`, and so does not end it. */
function insideBody(text: string, start: number, terminator: PlacedPiece, dialect: DialectId): boolean {
  const body = BODIES[dialect];
  if (body === undefined) return false;
  const sql = text.slice(start, terminator.offset);
  return body.starts.test(sql) && !body.closed(sql, terminator.text);
}

/** How each dialect spells the start and end of a transaction; a savepoint rollback ends none. */
const TRANSACTION_CONTROL: Record<DialectId, { begin: RegExp; end: RegExp }> = {
  postgresql: { begin: /^(?:begin|start\s+transaction)\b/i, end: /^(?:commit|end|abort|rollback|prepare\s+transaction)\b/i },
  mysql: { begin: /^(?:begin|start\s+transaction)\b/i, end: /^(?:commit|rollback)\b/i },
  sqlite: { begin: /^begin\b/i, end: /^(?:commit|end|rollback)\b/i },
  // A bare BEGIN ... END is a block in T-SQL, not a transaction.
  mssql: { begin: /^begin\s+(?:tran|transaction|distributed)\b/i, end: /^(?:commit|rollback)\b/i },
};

const SAVEPOINT_ROLLBACK = /^rollback(?:\s+(?:work|transaction|tran))?\s+to\b/i;

function transactionControlOf(sql: string, dialect: DialectId): SplitStatement['transactionControl'] {
  const control = TRANSACTION_CONTROL[dialect];
  if (control.begin.test(sql)) return 'begin';
  return control.end.test(sql) && !SAVEPOINT_ROLLBACK.test(sql) ? 'end' : undefined;
}
